// The sample book (`npm run demo`, File → Load sample book): a realistic small reseller with about
// 300 clients and 700 contracts across plans and panels, in English and Chinese. Everything goes
// through the same handlers and validation as a person's input, inside one transaction.
import { methods, type MethodName, type Output } from '../../../shared/api/methods.js';
import { addDays, addMonths } from '../../../shared/dates.js';
import type { BillingCycle } from '../../../shared/domain/billingCycle.js';
import type { Context, Handlers } from '../context.js';
import { conflict } from '../errors.js';
import { seededRandom, type Random } from './random.js';
import { addSampleArrangements } from './sampleArrangements.js';
import { addSampleHistory } from './sampleHistory.js';

const EN_FIRST = ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sophia', 'Mason', 'Isla', 'Leo', 'Grace', 'Arjun', 'Chloe', 'Mateo', 'Hannah', 'Omar', 'Zoe'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Martin', 'Clarke', 'Walker', 'Patel', 'Nguyen', 'Garcia', 'Müller', 'Dubois', 'Rossi', 'Kowalski', 'Jensen', 'Okafor', "O'Brien"];
const EN_TRADES = ['Bakery', 'Dental Care', 'Law Office', 'Photography', 'Plumbing', 'Yoga Studio', 'Bookshop', 'Florist', 'Garage', 'Design Studio', 'Consulting', 'Fitness', 'Coffee Roasters', 'Architects', 'Travel'];
const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '晓东', '海燕'];
const ZH_CITIES: [string, string, string][] = [
  ['上海', 'shanghai', '200000'],
  ['北京', 'beijing', '100000'],
  ['杭州', 'hangzhou', '310000'],
  ['深圳', 'shenzhen', '518000'],
  ['成都', 'chengdu', '610000'],
  ['广州', 'guangzhou', '510000'],
];
const ZH_TRADES: [string, string][] = [
  ['科技有限公司', 'tech'],
  ['网络科技', 'net'],
  ['电子商务', 'shop'],
  ['文化传媒', 'media'],
  ['餐饮管理', 'food'],
  ['教育咨询', 'edu'],
  ['设计工作室', 'design'],
  ['贸易有限公司', 'trade'],
];
const ZH_BRANDS: [string, string][] = [
  ['卡尔云', 'kaeryun'],
  ['星河', 'xinghe'],
  ['青木', 'qingmu'],
  ['金桥', 'jinqiao'],
  ['云帆', 'yunfan'],
  ['锦程', 'jincheng'],
  ['蓝海', 'lanhai'],
  ['山水', 'shanshui'],
];
const EN_CITIES: [string, string, string][] = [
  ['London', 'GB', 'EC1A 1BB'],
  ['Manchester', 'GB', 'M1 1AE'],
  ['New York', 'US', '10001'],
  ['Austin', 'US', '73301'],
  ['Toronto', 'CA', 'M5H 2N2'],
  ['Sydney', 'AU', '2000'],
  ['Berlin', 'DE', '10115'],
  ['Dublin', 'IE', 'D02 X285'],
];

type PlanSpec = Parameters<Handlers['plans.create']>[0];

/**
 * The reseller the sample book belongs to, so its invoices and letters can be printed and its
 * ladder can run at once. Example addresses only (RFC 2606 domain, a UK drama phone number).
 */
const SAMPLE_COMPANY: Parameters<Handlers['company.update']>[0] = {
  name: 'Lantern Web Hosting Ltd',
  addressLines: ['Unit 4, 12 Quay Street', 'Bristol BS1 4DJ', 'United Kingdom'],
  taxId: 'GB 123 4567 89',
  email: 'billing@lantern-hosting.example',
  phone: '+44 117 496 0123',
  website: 'lantern-hosting.example',
  paymentLines: ['Bank transfer: Example Bank, IBAN GB00 EXMP 0000 0000 0000 00', 'Alipay / WeChat Pay (支付宝 / 微信支付): billing@lantern-hosting.example'],
};

const PLANS: PlanSpec[] = [
  { name: 'Starter Hosting', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 499, annual: 4990 }, panelKind: 'cpanel', panelPackage: 'starter' },
  { name: 'Business Hosting', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 1299, quarterly: 3699, annual: 12990 }, panelKind: 'cpanel', panelPackage: 'business' },
  { name: 'Plesk Web Pro', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 1599, annual: 15990 }, panelKind: 'plesk', panelPackage: 'Web Pro' },
  { name: 'Reseller 50', kind: 'reseller_hosting', currency: 'USD', prices: { monthly: 3999, annual: 39990 }, panelKind: 'directadmin', panelPackage: 'reseller50' },
  { name: 'VPS 2 GB', kind: 'vps', currency: 'USD', prices: { monthly: 1800, semiannual: 10200 }, panelKind: 'proxmox', panelPackage: '2c-2g' },
  { name: 'VPS 8 GB', kind: 'vps', currency: 'USD', prices: { monthly: 4800, annual: 51840 }, panelKind: 'virtualizor', panelPackage: 'kvm-8g' },
  { name: 'Virtualmin Agency', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 2499, annual: 24990 }, panelKind: 'virtualmin', panelPackage: 'Agency' },
  { name: 'Managed WordPress', kind: 'other', currency: 'USD', prices: { monthly: 2900 }, panelKind: 'webhook', panelPackage: 'wp-managed' },
  { name: 'Dedicated E-2388G', kind: 'dedicated_server', currency: 'USD', prices: { monthly: 14900 }, panelKind: 'none' },
  { name: '.com domain', kind: 'domain', currency: 'USD', prices: { annual: 1599, biennial: 3098 }, panelKind: 'none' },
  { name: 'SSL DV', kind: 'ssl_certificate', currency: 'USD', prices: { annual: 2900 }, panelKind: 'none' },
  { name: '虚拟主机 基础版', kind: 'shared_hosting', currency: 'CNY', prices: { monthly: 1500, annual: 15000 }, panelKind: 'hestiacp', panelPackage: 'basic' },
  { name: '建站主机（宝塔）', kind: 'shared_hosting', currency: 'CNY', prices: { monthly: 2500, annual: 25000 }, panelKind: 'btpanel' },
  { name: '虚拟主机 企业版', kind: 'shared_hosting', currency: 'CNY', prices: { monthly: 4500, semiannual: 25000, annual: 45000 }, panelKind: 'hestiacp', panelPackage: 'enterprise' },
  { name: '云服务器 2核4G', kind: 'vps', currency: 'CNY', prices: { monthly: 9900, annual: 99000 }, panelKind: 'solusvm', panelPackage: 'kvm-2c4g' },
  { name: '.cn 域名', kind: 'domain', currency: 'CNY', prices: { annual: 3900 }, panelKind: 'none' },
  { name: 'SSL 证书 OV', kind: 'ssl_certificate', currency: 'CNY', prices: { annual: 120000 }, panelKind: 'none' },
];
/** Which plan a restricted account falls back to. */
const RESTRICTION_PLANS: Record<string, string> = {
  'Business Hosting': 'Starter Hosting',
  '虚拟主机 企业版': '虚拟主机 基础版',
};

const CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12, biennial: 24 };

export interface SampleBookSummary {
  plans: number;
  clients: number;
  contracts: number;
}

/** Calls a handler as dispatch would: input parsed by the contract's schema first. */
function callWith(ctx: Context, handlers: Handlers) {
  return <M extends MethodName>(method: M, input: unknown): Output<M> => {
    const parsed = methods[method].input.parse(input);
    const handler = handlers[method] as (input: unknown, ctx: Context) => Output<M>;
    return handler(parsed, ctx);
  };
}

function chineseClient(random: Random, index: number) {
  const [city, cityPinyin, postal] = random.pick(ZH_CITIES);
  const [brand, brandPinyin] = random.pick(ZH_BRANDS);
  const [trade, tradeSlug] = random.pick(ZH_TRADES);
  const person = random.pick(ZH_SURNAMES) + random.pick(ZH_GIVEN);
  const isCompany = random.chance(0.6);
  const domain = `${brandPinyin}${tradeSlug}${index}.cn`;
  return {
    input: {
      name: isCompany ? `${city}${brand}${trade}` : person,
      company: isCompany ? `${brand}${trade}` : undefined,
      contactName: isCompany ? person : undefined,
      email: `${isCompany ? 'finance' : 'contact'}@${domain}`,
      phone: `+86 1${random.int(30, 89)} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`,
      address: { lines: [`${city}市${random.pick(['浦东新区', '西湖区', '南山区', '朝阳区', '天河区', '武侯区'])}${random.pick(['科技路', '人民路', '解放路', '文三路'])} ${random.int(1, 999)} 号`], city, postalCode: postal, country: 'CN' },
      country: 'CN',
      language: 'zh-CN' as const,
      currency: 'CNY',
      channels: random.chance(0.3) ? ['email', 'letter', 'sms'] : ['email', 'sms'],
      tags: random.chance(0.2) ? ['VIP'] : random.chance(0.3) ? ['年付'] : [],
    },
    domain,
    cityPinyin,
  };
}

function englishClient(random: Random, index: number) {
  const [city, country, postal] = random.pick(EN_CITIES);
  const first = random.pick(EN_FIRST);
  const last = random.pick(EN_LAST);
  const trade = random.pick(EN_TRADES);
  const isCompany = random.chance(0.65);
  const slug = `${last}${trade}`.toLowerCase().replace(/[^a-z]/g, '');
  const domain = `${slug}${index}.example`;
  return {
    input: {
      name: isCompany ? `${last} ${trade}` : `${first} ${last}`,
      company: isCompany ? `${last} ${trade} Ltd` : undefined,
      contactName: isCompany ? `${first} ${last}` : undefined,
      email: `${first.toLowerCase()}@${domain}`,
      billingEmail: isCompany && random.chance(0.4) ? `accounts@${domain}` : undefined,
      phone: `+${country === 'GB' ? '44 20' : country === 'DE' ? '49 30' : '1 555'} ${random.int(1000, 9999)} ${random.int(1000, 9999)}`,
      address: { lines: [`${random.int(1, 250)} ${random.pick(['High Street', 'Market Road', 'King Street', 'Elm Avenue', 'Harbour Way'])}`], city, postalCode: postal, country },
      country,
      language: 'en' as const,
      currency: 'USD',
      channels: random.chance(0.15) ? ['email', 'letter'] : ['email'],
      tags: random.chance(0.15) ? ['agency'] : random.chance(0.2) ? ['annual'] : [],
    },
    domain,
    cityPinyin: city.toLowerCase(),
  };
}

export function loadSampleBook(ctx: Context, handlers: Handlers, seed = 2026): SampleBookSummary {
  return ctx.transaction(() => {
    const existing = ctx.db.prepare('SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM plans)').pluck().get() as number;
    if (existing > 0) throw conflict('The sample book can only be loaded into an empty book. Start HostLedger with a new data folder to try it.');
    const call = callWith(ctx, handlers);
    const random = seededRandom(seed);
    const today = ctx.today();
    // A profile the reseller saved before trying the sample book stays theirs.
    if (!call('company.get', {}).configured) call('company.update', SAMPLE_COMPANY);

    const plans = new Map<string, Output<'plans.create'>>();
    for (const spec of PLANS) plans.set(spec.name, call('plans.create', spec));
    for (const [planName, fallback] of Object.entries(RESTRICTION_PLANS)) {
      call('plans.update', { id: plans.get(planName)!.id, restrictionPlanId: plans.get(fallback)!.id });
    }
    const byCurrency = (currency: string) => [...plans.values()].filter((p) => p.currency === currency);

    let contracts = 0;
    let panelAccount = 100;
    const clientCount = 300;
    for (let index = 1; index <= clientCount; index += 1) {
      const person = index % 3 === 0 ? chineseClient(random, index) : englishClient(random, index);
      const client = call('clients.create', person.input);
      const offered = byCurrency(client.currency);
      // Every client has a hosting or server product; many also hold their domain and a certificate.
      const main = random.pick(offered.filter((p) => p.kind !== 'domain' && p.kind !== 'ssl_certificate'));
      const extras = offered.filter((p) => (p.kind === 'domain' && random.chance(0.8)) || (p.kind === 'ssl_certificate' && random.chance(0.35)));
      const products = random.chance(0.2) ? [main, random.pick(offered.filter((p) => p.kind === 'vps')), ...extras] : [main, ...extras];
      for (const plan of products) {
        const cycles = Object.keys(plan.prices) as BillingCycle[];
        const cycle = random.pick(cycles);
        const months = CYCLE_MONTHS[cycle];
        const startDate = addDays(today, -random.int(20, 1100));
        // Walk the cycles from the start to find the next due date on or after (about) today.
        let nextDueDate = startDate;
        while (nextDueDate < addDays(today, -random.int(0, 20))) nextDueDate = addMonths(nextDueDate, months, Number(startDate.slice(8)));
        const isDomain = plan.kind === 'domain';
        const label = isDomain ? person.domain : plan.kind === 'ssl_certificate' ? `www.${person.domain}` : plan.kind === 'vps' || plan.kind === 'dedicated_server' ? `${plan.kind === 'vps' ? 'vps' : 'srv'}-${person.cityPinyin}-${index}` : person.domain;
        const panelKind = plan.panelKind;
        panelAccount += 1;
        const account =
          panelKind === 'none' ? undefined : panelKind === 'proxmox' || panelKind === 'virtualizor' || panelKind === 'solusvm' ? String(panelAccount) : panelKind === 'plesk' || panelKind === 'btpanel' ? label : `u${panelAccount}`;
        const contract = call('contracts.create', {
          clientId: client.id,
          planId: plan.id,
          label: products.filter((p) => p.kind === plan.kind).length > 1 ? `${label}-${contracts}` : label,
          panelAccount: account,
          cycle,
          startDate,
          nextDueDate,
          expiresOn: isDomain || plan.kind === 'ssl_certificate' ? nextDueDate : undefined,
          termsVersion: random.pick(['2023-01', '2024-06', '2025-03']),
          termsText: client.language === 'zh-CN' ? '服务条款：按计费周期预付费，逾期将按催缴流程处理。' : 'Terms of service: paid in advance per billing cycle; overdue accounts follow the arrears policy.',
          signedDate: startDate,
          termReviewDate: random.chance(0.1) ? addDays(today, random.int(-10, 60)) : undefined,
        });
        contracts += 1;
        if (random.chance(0.06)) {
          call('contracts.end', { id: contract.id, when: random.chance(0.5) ? 'now' : 'term_end', reason: client.language === 'zh-CN' ? '客户不再续费' : 'Client is not renewing' });
        }
      }
    }
    // Its own random sequence, so the clients and contracts above stay what they always were.
    const history = addSampleHistory(ctx, seededRandom(seed + 1));
    addSampleArrangements(ctx, call, history.overdueClientIds);
    return { plans: plans.size, clients: clientCount, contracts };
  });
}
