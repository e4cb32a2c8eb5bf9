// A client's activity, newest first: what happened, when, who did it, to which contract, and for
// changes which fields changed. Read from the audit log, so nothing here can be edited.
import type { TimelineEntry } from '../../../shared/domain/client.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDate, formatInstant } from '../ui/formatting.js';
import { describeEntry } from './timelineEntries.js';
import { TIMELINE_LENGTH } from './useClientRecord.js';

export function ClientTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { language, t } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('timeline.empty')}</p>;
  return (
    <>
      <ol className="timeline">
        {entries.map((entry) => {
          const line = describeEntry(entry);
          const what = line.action ? t(`timeline.action.${line.action}`) : t('timeline.action.other', { action: entry.action });
          return (
            <li key={entry.seq} className="timeline-entry">
              <p className="timeline-what">
                <span className="timeline-action">{what}</span>
                {entry.subject && <span className="timeline-subject">{entry.subject}</span>}
              </p>
              {line.changed.length > 0 && (
                <p className="timeline-detail">
                  {t('timeline.changed', { fields: line.changed.map((field) => ('key' in field ? t(field.key) : field.name)).join(t('list.separator')) })}
                </p>
              )}
              {line.ended && (
                <p className="timeline-detail">
                  {line.ended === 'now'
                    ? t('timeline.endedNow')
                    : t('timeline.endedAtTermEnd', { date: line.endDate ? formatDate(line.endDate, language) : '—' })}
                </p>
              )}
              {line.period && <p className="timeline-detail">{t('timeline.period', { from: formatDate(line.period.from, language), to: formatDate(line.period.to, language) })}</p>}
              {line.reason && <p className="timeline-detail">{t('timeline.reason', { reason: line.reason })}</p>}
              {line.document && <p className="timeline-detail">{line.document}</p>}
              <p className="timeline-meta">
                <time dateTime={entry.at}>{formatInstant(entry.at, language)}</time>
                {' · '}
                {t('timeline.by', { actor: entry.actor })}
              </p>
            </li>
          );
        })}
      </ol>
      {entries.length >= TIMELINE_LENGTH && <p className="muted small">{t('timeline.truncated', { count: TIMELINE_LENGTH })}</p>}
    </>
  );
}
