// The batches printed before, newest first, under Print letters: each one's PDF (the same bytes as
// printed) and its register, for a reprint or to check who got what.
import { useEffect, useState } from 'react';
import type { ArchivedDocument } from '../../../shared/api/documents.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstant } from '../ui/formatting.js';
import { shortHash } from './ClientDocuments.js';
import { documentFileName } from './documentFileName.js';
import { blobUrlOf, bytesOf, saveFile } from './pdfFile.js';
import { PdfActions } from './PdfActions.js';

const SHOWN = 10;

type Printed = { batch: ArchivedDocument; register: ArchivedDocument | null };

/** `changes` moves on when a batch was just printed, so the list shows it. */
export function PrintedBatches({ changes }: { changes: number }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [printed, setPrinted] = useState<Printed[] | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('documents.list', { kind: 'batch', limit: SHOWN }), api.call('documents.list', { kind: 'batch_register', limit: SHOWN })]).then(([batches, registers]) => {
      if (!current || !batches.ok) return;
      const registerOf = (batch: ArchivedDocument) => (registers.ok ? (registers.value.items.find((register) => register.batchId === batch.id) ?? null) : null);
      setPrinted(batches.value.items.map((batch) => ({ batch, register: registerOf(batch) })));
    });
    return () => {
      current = false;
    };
  }, [api, changes]);

  async function saveRegister(register: ArchivedDocument) {
    const answer = await api.call('documents.get', { id: register.id });
    if (!answer.ok) return;
    const url = blobUrlOf(bytesOf(answer.value.base64), 'text/csv;charset=utf-8');
    saveFile(url, documentFileName([register.title], 'csv'));
    // The download holds its own copy of the bytes once it has started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  if (!printed || printed.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="printed-batches-heading">
      <h2 id="printed-batches-heading" className="panel-title">
        {t('printBatch.earlier')}
      </h2>
      <table className="data-table compact-table archive-table">
        <thead>
          <tr>
            <th scope="col">{t('clientDocuments.column.date')}</th>
            <th scope="col">{t('clientDocuments.column.title')}</th>
            <th scope="col" className="col-quantity">{t('clientDocuments.column.pages')}</th>
            <th scope="col">{t('clientDocuments.column.sha256')}</th>
            <th scope="col">{t('clientDocuments.column.open')}</th>
            <th scope="col">{t('printBatch.registerColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {printed.map(({ batch, register }) => (
            <tr key={batch.id}>
              <td>{formatInstant(batch.createdAt, language)}</td>
              <td>{batch.title}</td>
              <td className="col-quantity">{batch.pages}</td>
              <td>
                <code title={batch.sha256}>{shortHash(batch.sha256)}</code>
              </td>
              <td>
                <PdfActions
                  compact
                  load={async () => {
                    const answer = await api.call('documents.get', { id: batch.id });
                    return answer.ok ? { ok: true, value: { pdfBase64: answer.value.base64, warnings: [] } } : answer;
                  }}
                  fileName={documentFileName([batch.title, batch.createdAt.slice(0, 10)], 'pdf')}
                  label={t('pdfActions.of', { title: batch.title })}
                />
              </td>
              <td>
                {register && (
                  <button type="button" className="button button-small" onClick={() => void saveRegister(register)} aria-label={t('printBatch.registerOf', { title: batch.title })}>
                    {t('printBatch.registerShort')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
