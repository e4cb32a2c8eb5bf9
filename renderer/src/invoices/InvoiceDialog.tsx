// One invoice opened from a list: a draft opens in the editor, an issued document in its view, and
// from the view the credit note, void and dispute dialogs. Only one dialog shows at a time; each returns to
// the view, which reloads after a change (here, or in another window: `accounts.changed`).
import { useEffect, useEffectEvent, useState } from 'react';
import type { Client } from '../../../shared/domain/client.js';
import type { Dispute } from '../../../shared/domain/dispute.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import type { ApiClient } from '../api/apiClient.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFocusReturn } from '../ui/useFocusReturn.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { CreditNoteDialog } from './CreditNoteDialog.js';
import { OpenDisputeDialog, ResolveDisputeDialog } from './DisputeDialogs.js';
import { InvoiceDetailDialog, activeAllocations, type InvoiceNotice } from './InvoiceDetailDialog.js';
import { InvoiceEditor } from './InvoiceEditor.js';
import { VoidInvoiceDialog } from './VoidInvoiceDialog.js';
import type { Loadable } from '../ui/loadable.js';

type Loaded = Loadable<{ detail: InvoiceDetail; client: Client | null; disputes: Dispute[]; today: string }>;

type Mode = 'view' | 'credit' | 'void' | 'dispute' | 'resolve';

interface InvoiceDialogProps {
  invoiceId: string;
  showClientLink: boolean;
  /** Said on top when the dialog opens, e.g. the number an invoice just took. */
  notice?: InvoiceNotice;
  onClose: () => void;
}

/** An invoice with what its dialogs need: the client (a draft opens in the editor, which prices lines with the client's tax rate) and its disputes. */
async function loadInvoice(api: ApiClient, id: string): Promise<Exclude<Loaded, { status: 'loading' }>> {
  const [invoice, info] = await Promise.all([api.call('invoices.get', { id }), api.call('app.info', {})]);
  if (!invoice.ok) return { status: 'failed', error: invoice.error };
  if (!info.ok) return { status: 'failed', error: info.error };
  const { status, kind, clientId } = invoice.value;
  const [client, disputes] = await Promise.all([
    status === 'draft' ? api.call('clients.get', { id: clientId }) : null,
    status !== 'draft' && kind === 'invoice' ? api.call('disputes.list', { clientId }) : null,
  ]);
  if (client && !client.ok) return { status: 'failed', error: client.error };
  if (disputes && !disputes.ok) return { status: 'failed', error: disputes.error };
  return {
    status: 'ready',
    detail: invoice.value,
    client: client?.value ?? null,
    disputes: disputes?.value.items.filter((dispute) => dispute.invoiceId === id) ?? [],
    today: info.value.today,
  };
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

  const reloadShown = useEffectEvent(() => loadInvoice(api, id));
  useEffect(() => {
    let current = true;
    void reloadShown().then((next) => {
      if (current) setLoaded(next);
    });
    return () => {
      current = false;
    };
  }, [changes]);

  useFocusReturn();

  const reload = () => setChanges((count) => count + 1);
  const clientId = loaded.status === 'ready' ? loaded.detail.clientId : null;
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === clientId && mode === 'view') reload();
  });

  if (loaded.status === 'loading') return null;
  if (loaded.status === 'failed') return <ProblemDialog title={t('invoiceView.titleUnknown')} error={loaded.error} onClose={onClose} />;
  const { detail, client, disputes, today } = loaded;
  const openDispute = disputes.find((dispute) => dispute.status === 'open');

  // The view comes back once it shows what just changed, so its notice never sits above old figures.
  const showInView = async (nextId: string, nextNotice: InvoiceNotice | null) => {
    const next = await loadInvoice(api, nextId);
    setId(nextId);
    setLoaded(next);
    setNotice(nextNotice);
    setMode('view');
  };

  if (detail.status === 'draft' && client) {
    return (
      <InvoiceEditor
        client={client}
        draft={detail}
        onClose={onClose}
        onSaved={onClose}
        onDeleted={onClose}
        onIssued={(issued) => void showInView(issued.id, { kind: 'issued', number: issued.number ?? '' })}
      />
    );
  }
  if (mode === 'credit') {
    return <CreditNoteDialog invoice={detail} today={today} onClose={() => setMode('view')} onCredited={(note) => void showInView(detail.id, { kind: 'credited', number: note.number ?? '' })} />;
  }
  if (mode === 'void') return <VoidInvoiceDialog invoice={detail} onClose={() => setMode('view')} onVoided={() => void showInView(detail.id, { kind: 'voided' })} />;
  if (mode === 'dispute') return <OpenDisputeDialog invoice={detail} onClose={() => setMode('view')} onOpened={() => void showInView(detail.id, { kind: 'disputed' })} />;
  if (mode === 'resolve' && openDispute) {
    return <ResolveDisputeDialog invoice={detail} dispute={openDispute} onClose={() => setMode('view')} onResolved={() => void showInView(detail.id, { kind: 'resolved' })} />;
  }

  const issued = detail.status === 'issued';
  const untouched = activeAllocations(detail).length === 0 && detail.creditNotes.length === 0;
  const canVoid = issued && ((detail.kind === 'invoice' && untouched) || (detail.kind === 'proforma' && detail.convertedInvoiceId === null));
  const canCredit = issued && detail.kind === 'invoice' && detail.openMinor > 0;
  const canDispute = canCredit && !openDispute;

  return (
    <InvoiceDetailDialog
      detail={detail}
      today={today}
      showClientLink={showClientLink}
      notice={notice}
      onOpenInvoice={(next) => void showInView(next, null)}
      onClose={onClose}
      onCredit={canCredit ? () => setMode('credit') : undefined}
      onVoid={canVoid ? () => setMode('void') : undefined}
      disputes={disputes}
      onDispute={canDispute ? () => setMode('dispute') : undefined}
      onResolveDispute={openDispute ? () => setMode('resolve') : undefined}
    />
  );
}
