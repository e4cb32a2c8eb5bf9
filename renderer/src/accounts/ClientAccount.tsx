// The client's account on their page: balance, open, overdue and credit; New invoice, Record
// payment and Refund credit; and in tabs every invoice, every payment, the payment plans, promises
// and disputes agreed with the client, a statement for any period and the ledger. Every dialog it opens returns here, and the figures follow `accounts.changed`.
import { useState } from 'react';
import type { Client } from '../../../shared/domain/client.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { InvoiceNotice } from '../invoices/InvoiceDetailDialog.js';
import { InvoiceDialog } from '../invoices/InvoiceDialog.js';
import { InvoiceEditor } from '../invoices/InvoiceEditor.js';
import { PaymentDialog } from '../payments/PaymentDialog.js';
import { RecordPaymentDialog } from '../payments/RecordPaymentDialog.js';
import { RefundCreditDialog } from '../payments/RefundCreditDialog.js';
import { TabPanel, Tabs } from '../ui/Tabs.js';
import { AccountArrangements } from './AccountArrangements.js';
import { AccountInvoices } from './AccountInvoices.js';
import { AccountLedger } from './AccountLedger.js';
import { AccountOverview } from './AccountOverview.js';
import { AccountPayments } from './AccountPayments.js';
import { AccountStatement } from './AccountStatement.js';
import { useClientAccount } from './useClientAccount.js';

type AccountTab = 'invoices' | 'payments' | 'arrangements' | 'statement' | 'ledger';
const TABS: readonly AccountTab[] = ['invoices', 'payments', 'arrangements', 'statement', 'ledger'];

type OpenDialog =
  | { kind: 'newInvoice' }
  | { kind: 'recordPayment' }
  | { kind: 'refund' }
  | { kind: 'invoice'; id: string; notice?: InvoiceNotice }
  | { kind: 'payment'; id: string; justRecorded?: boolean }
  | null;

export function ClientAccount({ client }: { client: Client }) {
  const { language, t } = useI18n();
  const { account, retry } = useClientAccount(client.id);
  const [tab, setTab] = useState<AccountTab>('invoices');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const payer = { id: client.id, name: client.name, currency: client.currency };

  return (
    <section className="page-section" aria-labelledby="client-account-heading">
      <div className="section-header">
        <h2 id="client-account-heading">{t('account.title')}</h2>
        <div className="button-row">
          {account.status === 'ready' && account.summary.creditMinor > 0 && (
            <button type="button" className="button" onClick={() => setDialog({ kind: 'refund' })}>
              {t('account.refundCredit')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setDialog({ kind: 'recordPayment' })}>
            {t('account.recordPayment')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'newInvoice' })}>
            {t('account.newInvoice')}
          </button>
        </div>
      </div>

      {account.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {account.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, account.error)}</p>
          <button type="button" className="button" onClick={retry}>
            {t('list.retry')}
          </button>
        </div>
      )}
      {account.status === 'ready' && (
        <div className="panel account-panel">
          <AccountOverview summary={account.summary} />
          <p className="muted small">{t('account.currencyNote', { currency: account.summary.currency })}</p>
          <Tabs label={t('account.tabs')} idPrefix="account" tabs={TABS.map((id) => ({ id, label: t(`account.tab.${id}`) }))} selected={tab} onSelect={setTab} />
          <TabPanel idPrefix="account" id={tab}>
            {tab === 'invoices' && <AccountInvoices clientId={client.id} today={account.today} onOpen={(invoice) => setDialog({ kind: 'invoice', id: invoice.id })} />}
            {tab === 'payments' && <AccountPayments payments={account.payments} onOpen={(payment) => setDialog({ kind: 'payment', id: payment.id })} />}
            {tab === 'arrangements' && <AccountArrangements client={client} owedMinor={account.summary.balanceMinor} today={account.today} />}
            {tab === 'statement' && <AccountStatement clientId={client.id} clientName={client.name} today={account.today} />}
            {tab === 'ledger' && <AccountLedger clientId={client.id} currency={account.summary.currency} />}
          </TabPanel>
        </div>
      )}

      {dialog?.kind === 'newInvoice' && (
        <InvoiceEditor
          client={client}
          draft={null}
          onClose={close}
          onSaved={close}
          onDeleted={close}
          onIssued={(invoice) => setDialog({ kind: 'invoice', id: invoice.id, notice: { kind: 'issued', number: invoice.number ?? '' } })}
        />
      )}
      {dialog?.kind === 'invoice' && <InvoiceDialog invoiceId={dialog.id} notice={dialog.notice} showClientLink={false} onClose={close} />}
      {dialog?.kind === 'recordPayment' && <RecordPaymentDialog client={payer} onClose={close} onRecorded={(payment) => setDialog({ kind: 'payment', id: payment.id, justRecorded: true })} />}
      {dialog?.kind === 'payment' && <PaymentDialog paymentId={dialog.id} justRecorded={dialog.justRecorded} onClose={close} />}
      {dialog?.kind === 'refund' && account.status === 'ready' && (
        <RefundCreditDialog client={payer} creditMinor={account.summary.creditMinor} today={account.today} onClose={close} onRefunded={close} />
      )}
    </section>
  );
}
