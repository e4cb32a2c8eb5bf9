// The evidence bundle (证据包) on a client's page, and on each of their disputes: one button makes
// the PDF and the ZIP (with progress while the backend gathers and lays out), then Save ZIP and
// Open PDF (Save PDF in the desktop app, which shows no PDF itself), what the bundle holds, whether
// the audit log checked out, and the ZIP's SHA-256 to note down. The PDF is in the language the
// reseller uses the app in: it is for their lawyer.
import { useEffect, useRef, useState } from 'react';
import type { EvidenceBundle as Bundle } from '../../../shared/api/evidence.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { DocumentRefusal } from '../documents/DocumentRefusal.js';
import { blobUrlOf, bytesOf, canShowPdf, openInNewTab, saveFile } from '../documents/pdfFile.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { formatDate } from '../ui/formatting.js';
import { useBookToday } from '../ui/useBookToday.js';

interface EvidenceBundleProps {
  clientId: string;
  /** A bundle about one dispute: a single button, up to today. */
  disputeId?: string;
  /** Told once a bundle is made (its PDF is then in the client's archive). */
  onMade?: () => void;
}

export function EvidenceBundle({ clientId, disputeId, onMade }: EvidenceBundleProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const today = useBookToday();
  const [through, setThrough] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [bundle, setBundle] = useState<(Bundle & { zipUrl: string; pdfUrl: string }) | null>(null);
  const urls = useRef<string[]>([]);
  const idPrefix = disputeId ? `evidence-${disputeId}` : 'evidence';

  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );
  useBackendEvent('job.progress', (event) => {
    if (busy && event.label === 'evidence.bundle') setProgress({ done: event.done, total: event.total });
  });

  const shownThrough = through || (today.status === 'ready' ? today.today : '');

  async function make() {
    setBusy(true);
    setProgress(null);
    const answer = await api.call('evidence.bundle', { clientId, language, ...(disputeId ? { disputeId } : {}), ...(!disputeId && through ? { through } : {}) });
    setBusy(false);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    for (const url of urls.current) URL.revokeObjectURL(url);
    const zipUrl = blobUrlOf(bytesOf(answer.value.zipBase64), 'application/zip');
    const pdfUrl = blobUrlOf(bytesOf(answer.value.pdfBase64), 'application/pdf');
    urls.current = [zipUrl, pdfUrl];
    setBundle({ ...answer.value, zipUrl, pdfUrl });
    onMade?.();
  }

  const pdfName = bundle ? bundle.fileName.replace(/\.zip$/, '.pdf') : '';
  /** The browser's viewer in a new tab; saved instead where no tab opens (a pop-up blocker). */
  function openPdf(url: string) {
    if (!openInNewTab(url)) saveFile(url, pdfName);
  }
  const throughError = problem?.details?.fields?.find((field) => field.field === 'through');

  return (
    <div className="evidence-bundle">
      <div className="button-row evidence-bundle-row">
        {!disputeId && (
          <TextField
            id={`${idPrefix}-through`}
            label={t('evidence.through')}
            type="date"
            className="short"
            value={shownThrough}
            max={today.status === 'ready' ? today.today : undefined}
            error={throughError ? fieldErrorText(language, throughError) : undefined}
            onChange={(event) => setThrough(event.target.value)}
          />
        )}
        <button type="button" className={disputeId ? 'button button-small' : 'button button-primary'} disabled={busy} onClick={() => void make()}>
          {t(disputeId ? 'evidence.makeForDispute' : 'evidence.make')}
        </button>
        {busy && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('evidence.progress')} {...(progress?.total ? { max: progress.total, value: progress.done } : {})} />
            {t('evidence.making')}
          </span>
        )}
      </div>
      {problem && <DocumentRefusal error={problem} placed={throughError ? ['through'] : []} />}
      {bundle && !busy && (
        <div className={bundle.audit.ok ? 'notice' : 'notice notice-error'} role="status" aria-live="polite">
          <p>
            {t('evidence.ready', {
              invoices: bundle.counts.invoices,
              payments: bundle.counts.payments,
              communications: bundle.counts.communications,
              documents: bundle.counts.documents,
              panelActions: bundle.counts.panelActions,
              ladderSteps: bundle.counts.ladderSteps,
              through: formatDate(bundle.through, language),
            })}
          </p>
          <p>{bundle.audit.ok ? t('evidence.auditOk', { checked: bundle.audit.checked }) : t('evidence.auditBroken', { brokenAt: bundle.audit.brokenAt ?? 0 })}</p>
          <p className="muted small evidence-hash">{t('evidence.zipHash', { hash: bundle.sha256 })}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => saveFile(bundle.zipUrl, bundle.fileName)}>
              {t('evidence.saveZip')}
            </button>
            {canShowPdf() ? (
              <button type="button" className="button" onClick={() => openPdf(bundle.pdfUrl)}>
                {t('evidence.openPdf')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => saveFile(bundle.pdfUrl, pdfName)}>
                {t('evidence.savePdf')}
              </button>
            )}
          </div>
          <p className="muted small">{t('evidence.archived')}</p>
        </div>
      )}
    </div>
  );
}

/** The client page's section: what the bundle is, and the button. */
export function ClientEvidence({ clientId, onMade }: { clientId: string; onMade?: () => void }) {
  const { t } = useI18n();
  return (
    <section className="page-section" aria-labelledby="client-evidence-heading">
      <h2 id="client-evidence-heading" className="section-title">
        {t('evidence.title')}
      </h2>
      <p className="muted">{t('evidence.intro')}</p>
      <EvidenceBundle clientId={clientId} onMade={onMade} />
    </section>
  );
}
