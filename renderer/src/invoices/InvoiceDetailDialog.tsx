// An issued invoice (or proforma, or credit note) as it was issued: its number, dates, lines, tax
// per rate, the payments and credit notes that settled it and what is still open. From here an
// invoice is corrected — a credit note for all or part of what is open, or a void while nothing
// has paid or credited it.
import { useRef, type ReactNode } from 'react';
import type { Dispute } from '../../../shared/domain/dispute.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { hrefOf } from '../app/routes.js';
import { documentFileName } from '../documents/documentFileName.js';
import { PdfActions } from '../documents/PdfActions.js';
import { useI18n, type I18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { formatColumnDate, formatDate } from '../ui/formatting.js';
import { formatPercent, formatQuantity } from '../ui/numberText.js';
import { daysOverdue } from './invoiceStanding.js';
import { InvoiceStatus } from './InvoiceStatus.js';
import { TaxTotals } from './TaxTotals.js';

/** What just happened to the invoice, said on top once. */
export type InvoiceNotice = { kind: 'issued'; number: string } | { kind: 'credited'; number: string } | { kind: 'voided' } | { kind: 'disputed' } | { kind: 'resolved' };

/** The corrections an invoice offers, each only when the backend can make it. */
export interface InvoiceActions {
  onCredit?: () => void;
  onVoid?: () => void;
  onDispute?: () => void;
  onResolveDispute?: () => void;
}

interface InvoiceDetailDialogProps extends InvoiceActions {
  detail: InvoiceDetail;
  /** The disputes about this invoice, open ones first. */
  disputes: Dispute[];
  today: string;
  /** On the client's own page a link to it would go nowhere. */
  showClientLink: boolean;
  notice: InvoiceNotice | null;
  onOpenInvoice: (id: string) => void;
  onClose: () => void;
}

/** The title of a document by its kind: "Invoice INV-2026-00042", "Credit note CN-2026-00003". */
export const documentTitleKey = (kind: InvoiceDetail['kind']) => (kind === 'credit_note' ? 'invoiceView.titleCreditNote' : kind === 'proforma' ? 'invoiceView.titleProforma' : 'invoiceView.titleInvoice');

/** Payments applied and not reversed since (a bounced payment no longer pays anything). */
export const activeAllocations = (detail: InvoiceDetail) => detail.allocations.filter((allocation) => allocation.reversedDate === null);

function noticeText(notice: InvoiceNotice, t: I18n['t']): string {
  switch (notice.kind) {
    case 'issued':
      return t('invoiceView.issuedNotice', { number: notice.number });
    case 'credited':
      return t('invoiceView.creditedNotice', { number: notice.number });
    default:
      return t(`invoiceView.${notice.kind}Notice`);
  }
}

export function InvoiceDetailDialog({ detail, disputes, today, showClientLink, notice, onOpenInvoice, onClose, onCredit, onVoid, onDispute, onResolveDispute }: InvoiceDetailDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  const money = (minor: number) => formatMoney(minor, detail.currency, language);
  const date = (value: string | null) => (value ? formatDate(value, language) : null);
  const overdueDays = daysOverdue(detail, today);
  const paidMinor = activeAllocations(detail).reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  const creditedMinor = detail.creditNotes.reduce((sum, note) => sum + note.totalMinor, 0);
  const isInvoice = detail.kind === 'invoice';

  const facts: [string, ReactNode][] = [
    [t('invoiceField.client'), showClientLink ? <a href={hrefOf({ name: 'client', id: detail.clientId })}>{detail.clientName}</a> : detail.clientName],
    [t('invoiceField.issueDate'), date(detail.issueDate)],
    [t('invoiceField.dueDate'), detail.kind === 'credit_note' ? null : date(detail.dueDate)],
    [t('invoiceView.daysOverdue'), overdueDays === null ? null : t('invoiceView.days', { count: overdueDays })],
    [t('invoiceField.currency'), detail.currency],
    [t('invoiceView.source'), detail.source === 'manual' ? null : t(`invoiceSource.${detail.source}`)],
    [t('invoiceView.reason'), detail.reason],
    [t('invoiceView.approvedBy'), detail.approvedBy],
    [t('invoiceView.voidReason'), detail.voidReason],
  ];

  const title = t(documentTitleKey(detail.kind), { number: detail.number ?? '—' });
  // Refused by the backend once a payment or credit note touched it: say so instead of offering it.
  const cannotVoid = isInvoice && detail.status === 'issued' && !onVoid && (paidMinor > 0 || detail.creditNotes.length > 0);

  return (
    <Dialog title={title} onClose={onClose} initialFocus={close} size="wide">
      <div className="dialog-body">
        {notice && (
          <p className="notice notice-success" role="status">
            {noticeText(notice, t)}
          </p>
        )}
        <div className="detail-status">
          <InvoiceStatus invoice={detail} today={today} />
          {detail.kind === 'credit_note' && detail.creditedInvoiceId && (
            <button type="button" className="link-button" onClick={() => onOpenInvoice(detail.creditedInvoiceId!)}>
              {t('invoiceView.openCredited')}
            </button>
          )}
          {detail.convertedInvoiceId && (
            <button type="button" className="link-button" onClick={() => onOpenInvoice(detail.convertedInvoiceId!)}>
              {t('invoiceView.openConverted')}
            </button>
          )}
        </div>

        {detail.number && (
          <PdfActions
            className="detail-pdf"
            load={() => api.call('documents.invoicePdf', { invoiceId: detail.id })}
            fileName={documentFileName([detail.number, detail.clientName], 'pdf')}
            label={t('pdfActions.of', { title })}
          />
        )}

        <dl className="fact-grid">
          {facts
            .filter(([, value]) => value !== null && value !== '')
            .map(([label, value]) => (
              <div key={label} className="fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>

        <section className="detail-section" aria-labelledby="invoice-lines-heading">
          <h3 id="invoice-lines-heading">{t(detail.taxMode === 'exclusive' ? 'invoiceView.linesExclusive' : 'invoiceView.linesInclusive')}</h3>
          <table className="data-table compact-table invoice-lines">
            <thead>
              <tr>
                <th scope="col" className="col-description">{t('invoiceEditor.column.description')}</th>
                <th scope="col" className="col-quantity">{t('invoiceEditor.column.quantity')}</th>
                <th scope="col" className="col-money">{t('invoiceView.column.unitPrice')}</th>
                <th scope="col" className="col-rate">{t('invoiceEditor.column.taxRate')}</th>
                <th scope="col" className="col-money">{t('invoiceEditor.column.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.lines.map((line) => (
                <tr key={line.position}>
                  <td>
                    {line.description}
                    {line.periodStart && line.periodEnd && (
                      <span className="cell-detail">{t('invoiceView.period', { from: formatColumnDate(line.periodStart, language), to: formatColumnDate(line.periodEnd, language) })}</span>
                    )}
                  </td>
                  <td className="col-quantity">{formatQuantity(line.quantityMilli, language)}</td>
                  <td className="col-money">{money(line.unitPriceMinor)}</td>
                  <td className="col-rate">{formatPercent(line.taxRateBp, language)}</td>
                  <td className="col-money">{money(detail.taxMode === 'exclusive' ? line.netMinor : line.totalMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TaxTotals currency={detail.currency} taxMode={detail.taxMode} byRate={detail.taxByRate} netMinor={detail.netMinor} totalMinor={detail.totalMinor}>
            {isInvoice && detail.status === 'issued' && (
              <>
                {paidMinor > 0 && (
                  <tr>
                    <th scope="row">{t('invoiceTotals.paid')}</th>
                    <td>{money(-paidMinor)}</td>
                  </tr>
                )}
                {creditedMinor > 0 && (
                  <tr>
                    <th scope="row">{t('invoiceTotals.credited')}</th>
                    <td>{money(-creditedMinor)}</td>
                  </tr>
                )}
                <tr className="totals-grand">
                  <th scope="row">{t('invoiceTotals.open')}</th>
                  <td>{money(detail.openMinor)}</td>
                </tr>
              </>
            )}
          </TaxTotals>
        </section>

        {detail.allocations.length > 0 && (
          <section className="detail-section" aria-labelledby="invoice-payments-heading">
            <h3 id="invoice-payments-heading">{t('invoiceView.payments')}</h3>
            <table className="data-table compact-table">
              <thead>
                <tr>
                  <th scope="col" className="col-date">{t('invoiceView.column.date')}</th>
                  <th scope="col" className="col-money">{t('invoiceView.column.amount')}</th>
                  <th scope="col">{t('invoiceView.column.state')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.allocations.map((allocation, index) => (
                  <tr key={index} className={allocation.reversedDate ? 'row-ended' : undefined}>
                    <td className="col-date">{formatColumnDate(allocation.date, language)}</td>
                    <td className="col-money">{money(allocation.amountMinor)}</td>
                    <td>{allocation.reversedDate ? t('invoiceView.allocationReversed', { date: formatColumnDate(allocation.reversedDate, language) }) : t('invoiceView.allocationApplied')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        {detail.creditNotes.length > 0 && (
          <section className="detail-section" aria-labelledby="invoice-credit-notes-heading">
            <h3 id="invoice-credit-notes-heading">{t('invoiceView.creditNotes')}</h3>
            <table className="data-table compact-table">
              <thead>
                <tr>
                  <th scope="col" className="col-number">{t('invoiceView.column.number')}</th>
                  <th scope="col" className="col-date">{t('invoiceView.column.date')}</th>
                  <th scope="col" className="col-money">{t('invoiceView.column.amount')}</th>
                  <th scope="col">{t('invoiceView.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.creditNotes.map((note) => (
                  <tr key={note.id}>
                    <td>
                      <button type="button" className="row-link" onClick={() => onOpenInvoice(note.id)}>
                        {note.number}
                      </button>
                    </td>
                    <td className="col-date">{note.issueDate ? formatColumnDate(note.issueDate, language) : null}</td>
                    <td className="col-money">{money(note.totalMinor)}</td>
                    <td>
                      {note.reason}
                      {note.approvedBy && <span className="cell-detail">{t('invoiceView.approvedByName', { name: note.approvedBy })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        {disputes.length > 0 && (
          <section className="detail-section" aria-labelledby="invoice-disputes-heading">
            <h3 id="invoice-disputes-heading">{t('invoiceView.disputes')}</h3>
            <ul className="dispute-list">
              {disputes.map((dispute) => (
                <li key={dispute.id} className="dispute">
                  <p>
                    <span className={`badge badge-dispute-${dispute.status}`}>{t(`disputeStatus.${dispute.status}`)}</span> {t('invoiceView.disputeOpened', { date: formatDate(dispute.openedDate, language), reason: dispute.reason })}
                  </p>
                  {dispute.resolvedDate && (
                    <p className="muted">
                      {t('invoiceView.disputeResolved', { date: formatDate(dispute.resolvedDate, language), resolution: dispute.resolution ?? '' })}
                      {dispute.creditNoteNumber && ` ${t('invoiceView.disputeCredited', { number: dispute.creditNoteNumber })}`}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        {detail.notes && (
          <section className="detail-section" aria-labelledby="invoice-notes-heading">
            <h3 id="invoice-notes-heading">{t('invoiceField.notes')}</h3>
            <p className="long-text">{detail.notes}</p>
          </section>
        )}
      </div>
      <div className="dialog-footer">
        {onVoid && (
          <button type="button" className="button button-danger-outline footer-start" onClick={onVoid}>
            {t('invoiceView.void')}
          </button>
        )}
        {cannotVoid && <p className="muted footer-start">{t('invoiceView.cannotVoid')}</p>}
        {onDispute && (
          <button type="button" className="button" onClick={onDispute}>
            {t('invoiceView.dispute')}
          </button>
        )}
        {onResolveDispute && (
          <button type="button" className="button" onClick={onResolveDispute}>
            {t('invoiceView.resolveDispute')}
          </button>
        )}
        {onCredit && (
          <button type="button" className="button" onClick={onCredit}>
            {t('invoiceView.creditNote')}
          </button>
        )}
        <button ref={close} type="button" className="button button-primary" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>
    </Dialog>
  );
}
