// Invoices as a virtual table, newest first: the number opens the invoice (a draft opens in the
// editor), the client's name goes to the client's page, amounts in the invoice's currency. A
// proforma or credit note says so under its number; an invoice needs no such line.
import type { Invoice } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate } from '../ui/formatting.js';
import { VirtualTable } from '../ui/VirtualTable.js';
import { InvoiceStatus } from './InvoiceStatus.js';

interface InvoiceTableProps {
  caption: string;
  invoices: Invoice[];
  today: string;
  /** The invoices screen lists every client's; a client's account only theirs. */
  showClient: boolean;
  onOpen: (invoice: Invoice) => void;
  canLoadMore: boolean;
  onNearEnd: () => void;
  busy: boolean;
}

export function InvoiceTable({ caption, invoices, today, showClient, onOpen, canLoadMore, onNearEnd, busy }: InvoiceTableProps) {
  const { language, t } = useI18n();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, language);
  return (
    <VirtualTable
      caption={caption}
      className={showClient ? 'invoice-table' : 'invoice-table invoice-table-client'}
      columnCount={showClient ? 7 : 6}
      columns={
        <>
          <th scope="col" className="col-number">{t('invoices.column.number')}</th>
          {showClient && <th scope="col" className="col-client">{t('invoices.column.client')}</th>}
          <th scope="col" className="col-date">{t('invoices.column.issued')}</th>
          <th scope="col" className="col-date">{t('invoices.column.due')}</th>
          <th scope="col" className="col-price">{t('invoices.column.total')}</th>
          <th scope="col" className="col-price">{t('invoices.column.open')}</th>
          <th scope="col" className="col-status">{t('invoices.column.status')}</th>
        </>
      }
      items={invoices}
      rowKey={(invoice) => invoice.id}
      rowHeight={46}
      onRowClick={onOpen}
      canLoadMore={canLoadMore}
      onNearEnd={onNearEnd}
      busy={busy}
      renderRow={(invoice) => (
        <>
          <th scope="row" className="col-number">
            <button type="button" className="row-link" onClick={() => onOpen(invoice)}>
              {invoice.number ?? t('invoices.draftNumber')}
            </button>
            {invoice.kind !== 'invoice' && <span className="cell-detail">{t(`invoiceKind.${invoice.kind}`)}</span>}
          </th>
          {showClient && (
            <td className="col-client">
              <a href={hrefOf({ name: 'client', id: invoice.clientId })}>{invoice.clientName}</a>
            </td>
          )}
          <td className="col-date">{invoice.issueDate ? formatColumnDate(invoice.issueDate, language) : <span className="muted">—</span>}</td>
          <td className="col-date">{invoice.dueDate && invoice.kind !== 'credit_note' ? formatColumnDate(invoice.dueDate, language) : <span className="muted">—</span>}</td>
          <td className="col-price">{money(invoice.kind === 'credit_note' ? -invoice.totalMinor : invoice.totalMinor, invoice.currency)}</td>
          <td className="col-price">{invoice.status === 'issued' && invoice.kind !== 'credit_note' ? money(invoice.openMinor, invoice.currency) : <span className="muted">—</span>}</td>
          <td className="col-status">
            <InvoiceStatus invoice={invoice} today={today} />
          </td>
        </>
      )}
    />
  );
}
