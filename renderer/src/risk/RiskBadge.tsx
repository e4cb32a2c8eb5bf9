// A risk score as the list and the client page show it: the number and the band in words, on the
// band's colour — the words carry the meaning, the colour only helps the eye.
import type { RiskBand } from '../../../shared/risk/model.js';
import { useI18n } from '../i18n/I18nProvider.js';
import './risk.css';

/** Without a score: the band alone, as the settings table names it. */
export function RiskBadge({ score, band, outOfDate = false }: { score?: number; band: RiskBand; outOfDate?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`risk-badge risk-${band}${outOfDate ? ' risk-out-of-date' : ''}`} title={outOfDate ? t('risk.outOfDate') : undefined}>
      {score !== undefined && <span className="risk-score">{score}</span>}
      <span className="risk-band">{t(`risk.band.${band}`)}</span>
      {outOfDate && <span className="visually-hidden"> ({t('risk.outOfDate')})</span>}
    </span>
  );
}
