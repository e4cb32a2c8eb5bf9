// A client's risk score over time: a line over the four bands (shaded at 25, 50 and 75), each day's
// point in its band's colour. The chart is for the eye; the same points are a table for the
// keyboard and screen readers, one click away.
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Output } from '../../../shared/api/methods.js';
import type { RiskBand } from '../../../shared/risk/model.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate, formatDate } from '../ui/formatting.js';
import { RiskBadge } from './RiskBadge.js';

type Point = Output<'risk.history'>['points'][number];

/** The band thresholds of shared/risk/model.ts (bandOf), as shaded ranges of the score axis. */
const BAND_RANGES: readonly { band: RiskBand; from: number; to: number; fill: string }[] = [
  { band: 'low', from: 0, to: 25, fill: '#e3f1e6' },
  { band: 'medium', from: 25, to: 50, fill: '#fbf1cf' },
  { band: 'high', from: 50, to: 75, fill: '#fde3cf' },
  { band: 'critical', from: 75, to: 100, fill: '#f9dcd9' },
];

const BAND_STROKE: Record<RiskBand, string> = { low: '#2f7a4a', medium: '#9a6b00', high: '#b55300', critical: '#a8271d' };

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Point;
}

function BandDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return <circle cx={cx} cy={cy} r={3.5} fill={BAND_STROKE[payload.band]} stroke="#ffffff" strokeWidth={1} />;
}

export function RiskHistoryChart({ points }: { points: Point[] }) {
  const { language, t } = useI18n();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return <p className="muted small">{t('risk.historyEmpty')}</p>;
  const label = t('risk.historyChart', { from: formatDate(first.date, language), to: formatDate(last.date, language) });

  return (
    <>
      <figure className="risk-chart" role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            {BAND_RANGES.map((range) => (
              <ReferenceArea key={range.band} y1={range.from} y2={range.to} fill={range.fill} fillOpacity={1} stroke="none" ifOverflow="hidden" />
            ))}
            <CartesianGrid strokeDasharray="3 3" stroke="#d6dad3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={(date: string) => formatColumnDate(date, language)} tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={36} tick={{ fontSize: 12 }} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(date) => formatDate(String(date), language)}
              formatter={(score, _name, item) => [`${String(score)} ${t(`risk.band.${(item.payload as Point).band}`)}`, t('risk.column.score')]}
            />
            <Line type="monotone" dataKey="score" stroke="#1d2528" strokeWidth={2} dot={<BandDot />} activeDot={{ r: 5 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <details className="risk-history-details">
        <summary>{t('risk.historyAsTable')}</summary>
        <table className="data-table compact-table risk-history-table">
          <caption className="visually-hidden">{t('risk.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.column.date')}</th>
              <th scope="col">{t('risk.column.score')}</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatColumnDate(point.date, language)}</th>
                <td>
                  <RiskBadge score={point.score} band={point.band} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
