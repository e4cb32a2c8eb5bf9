// One invoice opened from a list: a draft opens in the editor, an issued document in its view, and
// from the view the credit note and void dialogs. Only one dialog shows at a time; each returns to
// the view, which reloads after a change (here, or in another window: `accounts.changed`).
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Client } from '../../../shared/domain/client.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { CreditNoteDialog } from './CreditNoteDialog.js';
import { InvoiceDetailDialog, activeAllocations, type InvoiceNotice } from './InvoiceDetailDialog.js';
import { InvoiceEditor } from './InvoiceEditor.js';
import { VoidInvoiceDialog } from './VoidInvoiceDialog.js';

type Loaded = { status: 'loading' } | { status: 'failed'; error: ApiErrorBody } | { status: 'ready'; detail: InvoiceDetail; client: Client | null; today: string };

type Mode = 'view' | 'credit' | 'void';

interface InvoiceDialogProps {
  invoiceId: string;
  showClientLink: boolean;
  /** Said on top when the dialog opens, e.g. the number an invoice just took. */
  notice?: InvoiceNotice;
  onClose: () => void;
}

export function InvoiceDialog({ invoiceId, showClientLink, notice: firstNotice, onClose }: InvoiceDialogProps) {
  const api = useApi();
  const { t } = useI18n();
  // A credit note opens its invoice and the other way round, in the same dialog.
  const [id, setId] = useState(invoiceId);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<InvoiceNotice | null>(firstNotice ?? null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('invoices.get', { id }), api.call('app.info', {})]).then(async ([invoice, info]) => {
      if (!current) return;
      if (!invoice.ok) return setLoaded({ status: 'failed', error: invoice.error });
      if (!info.ok) return setLoaded({ status: 'failed', error: info.error });
      // A draft opens in the editor, which prices lines with the client's tax rate.
      const client = invoice.value.status === 'draft' ? await api.call('clients.get', { id: invoice.value.clientId }) : null;
      if (!current) return;
      if (client && !client.ok) return setLoaded({ status: 'failed', error: client.error });
      setLoaded({ status: 'ready', detail: invoice.value, client: client?.value ?? null, today: info.value.today });
    });
    return () => {
      current = false;
    };
  }, [api, id, changes]);

  // The dialogs replace one another, so the browser's own focus return would land in a dialog
  // that is gone: hand focus back to what opened the invoice instead.
  useEffect(() => {
    const opener = document.activeElement;
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const reload = () => setChanges((count) => count + 1);
  const clientId = loaded.status === 'ready' ? loaded.detail.clientId : null;
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === clientId && mode === 'view') reload();
  });

  if (loaded.status === 'loading') return null;
  if (loaded.status === 'failed') return <ProblemDialog title={t('invoiceView.titleUnknown')} error={loaded.error} onClose={onClose} />;
  const { detail, client, today } = loaded;

  const showInView = (nextId: string, nextNotice: InvoiceNotice | null) => {
    setNotice(nextNotice);
    setMode('view');
    if (nextId === id) reload();
    else {
      setLoaded({ status: 'loading' });
      setId(nextId);
    }
  };

  if (detail.status === 'draft' && client) {
    return (
      <InvoiceEditor
        client={client}
        draft={detail}
        onClose={onClose}
        onSaved={onClose}
        onDeleted={onClose}
        onIssued={(issued) => showInView(issued.id, { kind: 'issued', number: issued.number ?? '' })}
      />
    );
  }
  if (mode === 'credit') {
    return <CreditNoteDialog invoice={detail} today={today} onClose={() => setMode('view')} onCredited={(note) => showInView(detail.id, { kind: 'credited', number: note.number ?? '' })} />;
  }
  if (mode === 'void') return <VoidInvoiceDialog invoice={detail} onClose={() => setMode('view')} onVoided={() => showInView(detail.id, { kind: 'voided' })} />;

  const issued = detail.status === 'issued';
  const untouched = activeAllocations(detail).length === 0 && detail.creditNotes.length === 0;
  const canVoid = issued && ((detail.kind === 'invoice' && untouched) || (detail.kind === 'proforma' && detail.convertedInvoiceId === null));
  const canCredit = issued && detail.kind === 'invoice' && detail.openMinor > 0;

  return (
    <InvoiceDetailDialog
      detail={detail}
      today={today}
      showClientLink={showClientLink}
      notice={notice}
      onOpenInvoice={(next) => showInView(next, null)}
      onClose={onClose}
      onCredit={canCredit ? () => setMode('credit') : undefined}
      onVoid={canVoid ? () => setMode('void') : undefined}
    />
  );
}
