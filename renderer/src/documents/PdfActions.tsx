// Open, Save and Print for one document's PDF. The PDF is asked for on the first click only
// (an invoice's first open issues and archives it), then kept as a Blob URL while the screen
// shows, so Save after Open does not ask again. What the PDF was made despite is said below.
import { useEffect, useRef, useState } from 'react';
import type { DocumentWarning } from '../../../shared/api/documents.js';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { DocumentRefusal } from './DocumentRefusal.js';
import { DocumentWarnings } from './DocumentWarnings.js';
import { blobUrlOf, bytesOf, canShowPdf, openInNewTab, printPdf, saveFile } from './pdfFile.js';

export interface PdfAnswer {
  pdfBase64: string;
  warnings: DocumentWarning[];
}

interface PdfActionsProps {
  /** Asks the backend for the PDF. */
  load: () => Promise<Envelope<PdfAnswer>>;
  fileName: string;
  /** Names the buttons for screen readers when a screen shows several documents ("PDF of INV-…"). */
  label: string;
  className?: string;
  /** Off where the screen already lists the warnings (a preview shows them with its text). */
  showWarnings?: boolean;
  /** Small Open and Save buttons, for a row of a table. */
  compact?: boolean;
}

type Action = 'open' | 'save' | 'print';

export function PdfActions({ load, fileName, label, className, showWarnings = true, compact = false }: PdfActionsProps) {
  const { t } = useI18n();
  const [pdf, setPdf] = useState<{ url: string; warnings: DocumentWarning[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [savedInstead, setSavedInstead] = useState(false);
  const url = useRef<string | null>(null);
  const showable = canShowPdf();

  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  async function act(action: Action) {
    setSavedInstead(false);
    let shown = pdf;
    if (!shown) {
      setBusy(true);
      const answer = await load();
      setBusy(false);
      setProblem(answer.ok ? null : answer.error);
      if (!answer.ok) return;
      url.current = blobUrlOf(bytesOf(answer.value.pdfBase64), 'application/pdf');
      shown = { url: url.current, warnings: answer.value.warnings };
      setPdf(shown);
    }
    if (action === 'save') saveFile(shown.url, fileName);
    if (action === 'print') printPdf(shown.url);
    if (action === 'open' && !openInNewTab(shown.url)) {
      saveFile(shown.url, fileName);
      setSavedInstead(true);
    }
  }

  return (
    <div className={['pdf-actions', className ?? ''].filter(Boolean).join(' ')}>
      <div className="button-row" role="group" aria-label={label}>
        {showable && (
          <button type="button" className={compact ? 'button button-small' : 'button'} disabled={busy} onClick={() => void act('open')}>
            {t('pdfActions.open')}
          </button>
        )}
        <button type="button" className={compact ? 'button button-small' : 'button'} disabled={busy} onClick={() => void act('save')}>
          {t('pdfActions.save')}
        </button>
        {/* In a table row Print is left to the opened PDF's own viewer: three buttons do not fit. */}
        {!compact && showable && (
          <button type="button" className="button" disabled={busy} onClick={() => void act('print')}>
            {t('pdfActions.print')}
          </button>
        )}
        {busy && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('pdfActions.preparing')} />
            {t('pdfActions.preparing')}
          </span>
        )}
      </div>
      {problem && <DocumentRefusal error={problem} />}
      {savedInstead && (
        <p className="muted small" role="status">
          {t('pdfActions.savedInstead')}
        </p>
      )}
      {pdf && showWarnings && <DocumentWarnings warnings={pdf.warnings} />}
    </div>
  );
}
