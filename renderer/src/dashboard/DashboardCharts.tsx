// The dashboard's six charts. Each sits in a card with its heading, a link to the list behind it
// (for the keyboard) and its figures as a table (for screen readers and print); a click on a bar
// opens that bar's list, filtered. Animations are off: a chart is drawn once, as the data is, so
// screenshots and print show it whole.
import type { ReactElement, ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import { isMessageKey } from '../../../shared/i18n/index.js';
import { formatMoney, minorDigits } from '../../../shared/money.js';
import type { RiskBand } from '../../../shared/risk/model.js';
import type { Language } from '../../../shared/domain/language.js';
import { hrefOf, type Route } from '../app/routes.js';
import { navigate } from '../app/useRoute.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Dashboard } from './DashboardScreen.js';

const INK = '#1d2528';
const BUCKET_FILL: Record<(typeof AGING_BUCKETS)[number], string> = { current: '#6a9fb5', days1to30: '#e0b341', days31to60: '#e08a3c', days61to90: '#c8553d', over90: '#8c2f39' };
const BAND_FILL: Record<RiskBand | 'unscored', string> = { low: '#2f7a4a', medium: '#9a6b00', high: '#b55300', critical: '#a8271d', unscored: '#9aa0a6' };

/** An amount in major units for an axis: "12K", "1.2M" ("1.2万" in Chinese). */
function compact(minor: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(minor / 10 ** minorDigits(currency));
}

/** "Nov 2026" / "2026年11月" for a 'YYYY-MM' month. */
export function monthLabel(month: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function ChartCard({ id, title, list, children, table, empty }: { id: string; title: string; list: Route; children: ReactNode; table: ReactNode; empty?: string }) {
  const { t } = useI18n();
  return (
    <section className="dashboard-card" aria-labelledby={`${id}-heading`} data-testid={id}>
      <div className="dashboard-card-header">
        <h2 id={`${id}-heading`} className="section-title">
          {title}
        </h2>
        <a className="no-print" href={hrefOf(list)}>
          {t('dashboard.openList')}
        </a>
      </div>
      {empty ? (
        <p className="muted dashboard-chart-empty">{empty}</p>
      ) : (
        <figure className="dashboard-chart" role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height="100%">
            {children as ReactElement}
          </ResponsiveContainer>
        </figure>
      )}
      <details className="dashboard-details">
        <summary>{t('dashboard.asTable')}</summary>
        {table}
      </details>
    </section>
  );
}

function FigureTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="data-table compact-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i === 0 ? undefined : 'col-price'}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className="col-price">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ChartProps {
  data: Dashboard;
  currency: string;
}

export function MrrChart({ data, currency }: ChartProps) {
  const { language, t } = useI18n();
  const points = data.mrrTrend.map((m) => ({ ...m, label: monthLabel(m.month, language) }));
  return (
    <ChartCard
      id="chart-mrr"
      title={t('dashboard.mrrTrend')}
      list={{ name: 'contracts' }}
      table={<FigureTable caption={t('dashboard.mrrTrend')} head={[t('reports.column.month'), t('dashboard.amount')]} rows={points.map((p) => [p.label, formatMoney(p.amountMinor, currency, language)])} />}
    >
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} onClick={() => navigate({ name: 'contracts' })}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d6dad3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tickFormatter={(v: number) => compact(v, currency, language)} width={48} tick={{ fontSize: 11 }} />
        <Tooltip isAnimationActive={false} formatter={(v) => [formatMoney(Number(v), currency, language), t('dashboard.mrr')]} />
        <Line type="monotone" dataKey="amountMinor" stroke={INK} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ChartCard>
  );
}

const monthEnd = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

export function CashChart({ data, currency }: ChartProps) {
  const { language, t } = useI18n();
  const points = data.cashByMonth.map((m) => ({ ...m, label: monthLabel(m.month, language) }));
  const list = (month?: string): Route => ({ name: 'reports', preset: { report: 'paymentsByMethod', currency, ...(month ? { from: `${month}-01`, to: monthEnd(month) } : { from: `${data.cashByMonth[0]!.month}-01`, to: data.asOf }) } });
  return (
    <ChartCard
      id="chart-cash"
      title={t('dashboard.cash')}
      list={list()}
      table={<FigureTable caption={t('dashboard.cash')} head={[t('reports.column.month'), t('dashboard.amount')]} rows={points.map((p) => [p.label, formatMoney(p.amountMinor, currency, language)])} />}
    >
      <BarChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d6dad3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis tickFormatter={(v: number) => compact(v, currency, language)} width={48} tick={{ fontSize: 11 }} />
        <Tooltip isAnimationActive={false} formatter={(v) => [formatMoney(Number(v), currency, language), t('dashboard.amount')]} />
        <Bar dataKey="amountMinor" fill="#3b7d8c" isAnimationActive={false} cursor="pointer" onClick={(_, index) => navigate(list(points[index]!.month))} />
      </BarChart>
    </ChartCard>
  );
}

export function AgingChart({ data, currency }: ChartProps) {
  const { language, t } = useI18n();
  const list = (bucket?: (typeof AGING_BUCKETS)[number]): Route => ({ name: 'reports', preset: { report: 'outstanding', currency, ...(bucket ? { bucket } : {}) } });
  const row = [{ name: t('dashboard.aging'), ...data.aging }];
  return (
    <ChartCard
      id="chart-aging"
      title={t('dashboard.aging')}
      list={list()}
      table={<FigureTable caption={t('dashboard.aging')} head={[t('reports.bucket'), t('dashboard.amount')]} rows={AGING_BUCKETS.map((b) => [t(`agingBucket.${b}`), formatMoney(data.aging[b], currency, language)])} />}
    >
      <BarChart data={row} layout="vertical" margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <XAxis type="number" tickFormatter={(v: number) => compact(v, currency, language)} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip isAnimationActive={false} formatter={(v, name) => [formatMoney(Number(v), currency, language), String(name)]} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {AGING_BUCKETS.map((bucket) => (
          <Bar key={bucket} dataKey={bucket} name={t(`agingBucket.${bucket}`)} stackId="aging" fill={BUCKET_FILL[bucket]} isAnimationActive={false} cursor="pointer" barSize={56} onClick={() => navigate(list(bucket))} />
        ))}
      </BarChart>
    </ChartCard>
  );
}

export function LadderChart({ data, currency }: ChartProps) {
  const { language, t } = useI18n();
  const stepName = (step: string | null) => {
    if (step === null) return t('dashboard.ladderNone');
    const key = `dashboard.step.${step}`;
    return isMessageKey(key) ? t(key) : step;
  };
  const points = data.ladder.map((l) => ({ ...l, label: stepName(l.stepKey) }));
  const list = (step?: string | null): Route => ({ name: 'reports', preset: { report: 'outstanding', currency, ...(step !== undefined ? { step: step ?? 'none' } : {}) } });
  return (
    <ChartCard
      id="chart-ladder"
      title={t('dashboard.ladder')}
      list={list()}
      empty={points.length === 0 ? t('dashboard.ladderEmpty') : undefined}
      table={
        <FigureTable
          caption={t('dashboard.ladder')}
          head={[t('reports.column.ladderStep'), t('dashboard.amount')]}
          rows={points.map((p) => [p.label, `${formatMoney(p.amountMinor, currency, language)} (${t('dashboard.invoices', { count: p.invoices })})`])}
        />
      }
    >
      <BarChart data={points} layout="vertical" margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6dad3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => compact(v, currency, language)} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
          <Tooltip isAnimationActive={false} formatter={(v) => [formatMoney(Number(v), currency, language), t('dashboard.amount')]} />
          <Bar dataKey="amountMinor" fill="#8c2f39" isAnimationActive={false} cursor="pointer" onClick={(_, index) => navigate(list(points[index]!.stepKey))} />
      </BarChart>
    </ChartCard>
  );
}

export function RiskBandChart({ data, onBand }: { data: Dashboard; onBand: (band: RiskBand) => void }) {
  const { t } = useI18n();
  const points = data.riskBands.map((b) => ({ ...b, label: b.band === 'unscored' ? t('dashboard.unscored') : t(`risk.band.${b.band}`) }));
  return (
    <ChartCard
      id="chart-risk"
      title={t('dashboard.riskBands')}
      list={{ name: 'clients' }}
      table={<FigureTable caption={t('dashboard.riskBands')} head={[t('risk.column'), t('dashboard.clients')]} rows={points.map((p) => [p.label, p.clients])} />}
    >
      <BarChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d6dad3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11 }} />
        <Tooltip isAnimationActive={false} formatter={(v) => [String(v), t('dashboard.clients')]} />
        <Bar
          dataKey="clients"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const band = points[index]!.band;
            if (band === 'unscored') navigate({ name: 'clients' });
            else onBand(band);
          }}
        >
          {points.map((p) => (
            <Cell key={p.band} fill={BAND_FILL[p.band]} />
          ))}
        </Bar>
      </BarChart>
    </ChartCard>
  );
}

export function ExpectedChart({ data, currency }: ChartProps) {
  const { language, t } = useI18n();
  const points = data.expected.weeks.map((w) => ({ ...w, label: `${w.from.slice(5)} – ${w.to.slice(5)}` }));
  const list: Route = { name: 'reports', preset: { report: 'outstanding', currency, bucket: 'current' } };
  return (
    <ChartCard
      id="chart-expected"
      title={t('dashboard.expected')}
      list={list}
      empty={data.expected.dueMinor === 0 ? t('dashboard.expectedNone') : undefined}
      table={
        <FigureTable
          caption={t('dashboard.expected')}
          head={['', t('dashboard.expectedDue'), t('dashboard.expectedWeighted')]}
          rows={points.map((p) => [p.label, formatMoney(p.dueMinor, currency, language), formatMoney(p.expectedMinor, currency, language)])}
        />
      }
    >
      <BarChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d6dad3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={(v: number) => compact(v, currency, language)} width={48} tick={{ fontSize: 11 }} />
        <Tooltip isAnimationActive={false} formatter={(v, name) => [formatMoney(Number(v), currency, language), String(name)]} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="dueMinor" name={t('dashboard.expectedDue')} fill="#b9c4c9" isAnimationActive={false} cursor="pointer" onClick={() => navigate(list)} />
        <Bar dataKey="expectedMinor" name={t('dashboard.expectedWeighted')} fill="#2f7a4a" isAnimationActive={false} cursor="pointer" onClick={() => navigate(list)} />
      </BarChart>
    </ChartCard>
  );
}
