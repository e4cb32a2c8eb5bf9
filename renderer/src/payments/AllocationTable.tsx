// The client's open invoices with an amount box against each: how a payment, or the credit left
// of one, is split by hand. Shared by Record payment and Apply credit; each keeps its own rows,
// checks and errors.
import type { Ref } from 'react';
import type { Invoice } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { formatColumnDate } from '../ui/formatting.js';
import type { AllocationRow } from './paymentAllocation.js';

export interface AllocationTableProps {
  open: Invoice[];
  currency: string;
  /** One row per open invoice, in the same order. */
  rows: AllocationRow[];
  /** The amount box's id, so a refusal can move focus to the row at fault. */
  rowInputId: (index: number) => string;
  rowError: (index: number) => string | undefined;
  /** The rows with one amount changed, and which row it was (its error can go). */
  onRowsChange: (rows: AllocationRow[], changed: number) => void;
  /** The first amount box, where a dialog that opens on the table puts focus. */
  firstRowRef?: Ref<HTMLInputElement>;
}

export function AllocationTable({ open, currency, rows, rowInputId, rowError, onRowsChange, firstRowRef }: AllocationTableProps) {
  const { language, t } = useI18n();
  const money = (minor: number) => formatMoney(minor, currency, language);
  return (
    <table className="data-table compact-table allocation-table">
      <caption className="visually-hidden">{t('recordPayment.openCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-number">{t('invoices.column.number')}</th>
          <th scope="col" className="col-date">{t('invoices.column.due')}</th>
          <th scope="col" className="col-money">{t('invoices.column.open')}</th>
          <th scope="col" className="col-apply">{t('recordPayment.apply', { currency })}</th>
        </tr>
      </thead>
      <tbody>
        {open.map((invoice, index) => (
          <tr key={invoice.id}>
            <th scope="row">
              {invoice.number}
              {invoice.kind === 'proforma' && <span className="cell-detail">{t('recordPayment.proformaRow', { total: money(invoice.totalMinor) })}</span>}
            </th>
            <td className="col-date">{invoice.dueDate ? formatColumnDate(invoice.dueDate, language) : null}</td>
            <td className="col-money">{money(invoice.openMinor)}</td>
            <td>
              <TextField
                ref={index === 0 ? firstRowRef : undefined}
                id={rowInputId(index)}
                label={t('recordPayment.applyTo', { number: invoice.number ?? '' })}
                hideLabel
                className="numeric"
                inputMode="decimal"
                autoComplete="off"
                value={rows[index]!.amount}
                error={rowError(index)}
                onChange={(event) => onRowsChange(rows.map((row, at) => (at === index ? { ...row, amount: event.target.value } : row)), index)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
