// The book's codes (a contract's status, a panel action's kind, a message's state…) as words in
// the evidence bundle's PDF: the screens' own words where they have them (so the PDF says what the
// reseller sees in the app, and the glossary's Chinese), the bundle's own for the communication
// log's and the ladder's states. A code with no word yet is printed as it is (the CSVs keep codes).
import type { Language } from '../domain/language.js';
import { translate, type MessageKey } from '../i18n/index.js';
import { en } from '../i18n/en.js';

export type TermGroup = 'contractStatus' | 'cycle' | 'serviceKind' | 'invoiceKind' | 'paymentStatus' | 'promiseStatus' | 'disputeStatus' | 'actionState' | 'actionKind' | 'channel' | 'documentKind' | 'state' | 'step';

/** The default policy's steps (shared/ladder/policy.ts, DESIGN §4); a policy's own step keys print as they are. */
const STEPS: Record<Language, Record<string, string>> = {
  en: {
    reminder_7: 'reminder 7 days before due',
    reminder_1: 'reminder 1 day before due',
    first_notice: 'first overdue notice',
    second_notice: 'second notice, late fee',
    restriction: 'restriction',
    final_notice: 'final notice',
    suspension: 'backup, then suspend',
    termination_review: 'termination review',
  },
  'zh-CN': {
    reminder_7: '到期前 7 天缴费提醒',
    reminder_1: '到期前 1 天缴费提醒',
    first_notice: '第一次催缴通知',
    second_notice: '第二次催缴通知及滞纳金',
    restriction: '临时服务限制',
    final_notice: '最后催缴通知',
    suspension: '暂停前数据备份，然后暂停服务',
    termination_review: '终止服务审查',
  },
};

/** States the screens do not name: issued invoices and letters, sent messages, ladder rungs, plans. */
const STATES: Record<Language, Record<string, string>> = {
  en: {
    issued: 'issued',
    void: 'void',
    sent: 'sent',
    sending: 'sending',
    failed: 'failed',
    bounced: 'bounced',
    printed: 'printed',
    delivered: 'delivered',
    done: 'done',
    skipped: 'skipped',
    missed: 'missed',
    postponed: 'postponed',
    approved: 'approved',
    running: 'running',
    superseded: 'superseded',
    active: 'active',
    complete: 'complete',
    broken: 'broken',
    cancelled: 'cancelled',
    received: 'received',
    open: 'open',
    kept: 'kept',
    upheld: 'upheld',
    rejected: 'rejected',
  },
  'zh-CN': {
    issued: '已开具',
    void: '已作废',
    sent: '已发送',
    sending: '发送中',
    failed: '失败',
    bounced: '被退回',
    printed: '已打印',
    delivered: '已送达',
    done: '已完成',
    skipped: '已跳过',
    missed: '已错过',
    postponed: '已推迟',
    approved: '已批准',
    running: '执行中',
    superseded: '已被取代',
    active: '有效',
    complete: '已完成',
    broken: '未履行',
    cancelled: '已取消',
    received: '已收款',
    open: '处理中',
    kept: '已履行',
    upheld: '成立',
    rejected: '驳回',
  },
};

export function term(language: Language, group: TermGroup, code: string): string {
  if (group === 'state') return STATES[language][code] ?? code;
  if (group === 'step') return STEPS[language][code] ?? code;
  const key = `${group}.${code}`;
  return Object.hasOwn(en, key) ? translate(language, key as MessageKey) : code;
}
