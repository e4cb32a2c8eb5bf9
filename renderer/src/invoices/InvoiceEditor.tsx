// A manual invoice or proforma for a client, as a draft: lines with a quantity, a unit price in the
// client's currency and a tax rate (the client's unless another is chosen), what they come to per
// tax rate, the due date and notes. Save keeps it as a draft to finish later; Issue gives it the
// next number of its series, after which it never changes. The backend validates; its field errors
// are shown beside their boxes, as in every other form.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Client } from '../../../shared/domain/client.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { translateFieldError, type MessageKey } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { FormRefusal } from '../ui/FormRefusal.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { formatPercent } from '../ui/numberText.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import {
  clientTaxRate,
  createInputOf,
  draftTotals,
  draftValues,
  emptyLine,
  inputOfPath,
  LINE_FIELDS,
  newDraftValues,
  updateInputOf,
  type DraftError,
  type DraftField,
  type DraftValues,
  type LineValues,
  type TaxRate,
} from './invoiceDraftValues.js';
import { TaxTotals } from './TaxTotals.js';
import { useBillingSetup } from './useBillingSetup.js';

/** The backend takes at most this many lines on one invoice. */
const MOST_LINES = 500;

interface InvoiceEditorProps {
  client: Client;
  /** The draft to change; null for a new invoice. */
  draft: InvoiceDetail | null;
  onClose: () => void;
  onSaved: (draft: InvoiceDetail) => void;
  onIssued: (invoice: InvoiceDetail) => void;
  onDeleted: () => void;
}

/** Opens once the tax rates and billing settings are known, so the totals are right from the start. */
export function InvoiceEditor(props: InvoiceEditorProps) {
  const { t } = useI18n();
  const setup = useBillingSetup();
  const title = props.draft ? t('invoiceEditor.titleDraft', { client: props.client.name }) : t('invoiceEditor.titleNew', { client: props.client.name });
  if (setup.status === 'failed') return <ProblemDialog title={title} error={setup.error} onClose={props.onClose} />;
  if (setup.status === 'loading') return null;
  return <InvoiceEditorDialog {...props} title={title} rates={setup.rates} taxMode={props.draft?.taxMode ?? setup.settings.taxMode} defaultTaxRateId={setup.settings.defaultTaxRateId} paymentTermsDays={setup.settings.paymentTermsDays} today={setup.today} />;
}

const LINE_LABELS: Record<(typeof LINE_FIELDS)[number], MessageKey> = {
  description: 'invoiceEditor.lineDescription',
  quantity: 'invoiceEditor.lineQuantity',
  unitPrice: 'invoiceEditor.lineUnitPrice',
  taxRateId: 'invoiceEditor.lineTaxRate',
};

const FIELD_LABELS: Record<Exclude<DraftField, `lines.${string}`>, MessageKey> = {
  kind: 'invoiceField.kind',
  lines: 'invoiceField.lines',
  issueDate: 'invoiceField.issueDate',
  dueDate: 'invoiceField.dueDate',
  notes: 'invoiceField.notes',
};

const lineFieldOf = (field: DraftField) => /^lines\.(\d+)\.(\w+)$/.exec(field) as [string, string, (typeof LINE_FIELDS)[number]] | null;

/** Where a box is in the form, top to bottom, so the first one to fix gets focus. */
function positionOf(field: DraftField): number {
  const line = lineFieldOf(field);
  if (line) return 1000 + Number(line[1]) * 10 + LINE_FIELDS.indexOf(line[2]);
  return { kind: 0, lines: 900_000, issueDate: 900_001, dueDate: 900_002, notes: 900_003 }[field as keyof typeof FIELD_LABELS];
}

export const invoiceInputId = (field: DraftField) => `invoice-${field.replaceAll('.', '-')}`;
const focusField = (form: HTMLFormElement | null, field: DraftField) => form?.querySelector<HTMLElement>(`#${invoiceInputId(field)}`)?.focus();

interface ShownError {
  field: DraftField | undefined;
  path: string;
  message: string;
}

interface DialogProps extends InvoiceEditorProps {
  title: string;
  rates: TaxRate[];
  taxMode: 'exclusive' | 'inclusive';
  defaultTaxRateId: string | null;
  paymentTermsDays: number;
  today: string;
}

function InvoiceEditorDialog({ client, draft, onClose, onSaved, onIssued, onDeleted, title, rates, taxMode, defaultTaxRateId, paymentTermsDays, today }: DialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const clientRate = clientTaxRate(client, rates, defaultTaxRateId);
  // The draft as last saved: after a save the editor goes on from it (Issue after a failed issue
  // changes that draft rather than starting another).
  const [saved, setSaved] = useState(draft);
  const [values, setValues] = useState<DraftValues>(() => (draft ? draftValues(draft, rates, clientRate, today) : newDraftValues(today)));
  const [busy, setBusy] = useState<'save' | 'issue' | 'delete' | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [formErrors, setFormErrors] = useState<DraftError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const kindInput = useRef<HTMLSelectElement>(null);
  const firstDescription = useRef<HTMLInputElement>(null);

  const currency = client.currency;
  const exempt = client.taxExemptReason !== null;
  const kind = saved?.kind === 'proforma' ? 'proforma' : values.kind;
  const rateOf = (line: LineValues) => (exempt ? 0 : line.taxRateId ? (rates.find((rate) => rate.id === line.taxRateId)?.rateBp ?? 0) : (clientRate?.rateBp ?? 0));
  const totals = draftTotals(values.lines, currency, rateOf, taxMode);
  const money = (minor: number) => formatMoney(minor, currency, language);

  const labelOf = (field: DraftField): string => {
    const line = lineFieldOf(field);
    return line ? t(LINE_LABELS[line[2]], { n: Number(line[1]) + 1 }) : t(FIELD_LABELS[field as keyof typeof FIELD_LABELS]);
  };
  const localMessage = (error: DraftError) =>
    error.code === 'invalid_amount'
      ? t('form.invalidAmount', { example: exampleAmount(currency) })
      : error.code === 'invalid_quantity'
        ? t('invoiceEditor.invalidQuantity')
        : translateFieldError(language, { field: error.field, code: 'required', message: '' });

  const errors: ShownError[] =
    formErrors.length > 0
      ? formErrors.map((error) => ({ field: error.field, path: error.field, message: localMessage(error) }))
      : problem?.code === 'invalid_input'
        ? (problem.details?.fields ?? []).map((error) => ({ field: inputOfPath(error.field), path: error.field, message: fieldErrorText(language, error, currency) }))
        : [];
  const errorOf = new Map<DraftField, string>();
  for (const error of errors) if (error.field && !errorOf.has(error.field)) errorOf.set(error.field, error.message);
  const firstInvalid = [...errorOf.keys()].sort((a, b) => positionOf(a) - positionOf(b))[0];

  useEffect(() => {
    if (firstInvalid) focusField(form.current, firstInvalid);
  }, [attempt, firstInvalid]);

  async function save(then: 'save' | 'issue') {
    setAttempt((count) => count + 1);
    const conversion = saved ? updateInputOf(saved, values) : createInputOf(client.id, values, currency);
    if (!conversion.ok) {
      setProblem(null);
      return setFormErrors(conversion.errors);
    }
    setFormErrors([]);
    setBusy(then);
    const answer = 'clientId' in conversion.input ? await api.call('invoices.createDraft', conversion.input) : await api.call('invoices.updateDraft', conversion.input);
    if (!answer.ok) {
      setBusy(null);
      return setProblem(answer.error);
    }
    setSaved(answer.value);
    if (then === 'save') return onSaved(answer.value);
    const issued = await api.call('invoices.issue', { id: answer.value.id, ...(values.issueDate.trim() ? { issueDate: values.issueDate.trim() } : {}) });
    setBusy(null);
    if (!issued.ok) return setProblem(issued.error);
    onIssued(issued.value);
  }

  async function deleteDraft() {
    if (!saved) return;
    setBusy('delete');
    const answer = await api.call('invoices.deleteDraft', { id: saved.id });
    setBusy(null);
    if (!answer.ok) {
      setConfirmingDelete(false);
      return setProblem(answer.error);
    }
    onDeleted();
  }

  /** After a conflict: the draft as it is now; the user makes the change again. */
  async function reload() {
    if (!saved) return;
    const answer = await api.call('invoices.get', { id: saved.id });
    if (!answer.ok) return setProblem(answer.error);
    if (answer.value.status !== 'draft') return onIssued(answer.value);
    setSaved(answer.value);
    setValues(draftValues(answer.value, rates, clientRate, today));
    setProblem(null);
  }

  const update = (changes: Partial<DraftValues>) => setValues((current) => ({ ...current, ...changes }));
  const changeLine = (index: number, changes: Partial<LineValues>) => {
    update({ lines: values.lines.map((line, at) => (at === index ? { ...line, ...changes } : line)) });
    // Text this form could not read is read again as it changes: its complaint goes.
    const changed = new Set(Object.keys(changes).map((field) => `lines.${index}.${field}`));
    setFormErrors((current) => current.filter((error) => !changed.has(error.field)));
  };
  const removeLine = (index: number) => {
    update({ lines: values.lines.filter((_, at) => at !== index) });
    // The rows below move up; complaints about them would sit beside the wrong boxes.
    setFormErrors([]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save('save');
  };

  const rateName = (rate: TaxRate) => t('taxRate.option', { name: rate.name, rate: formatPercent(rate.rateBp, language) });
  const clientRateOption = exempt ? t('invoiceEditor.exemptOption') : clientRate ? t('invoiceEditor.clientRateOption', { rate: rateName(clientRate) }) : t('invoiceEditor.clientNoRateOption');
  const rateChoices = (line: LineValues) => rates.filter((rate) => !rate.archived || rate.id === line.taxRateId);
  const busyText = t('form.saving');

  return (
    <Dialog title={title} onClose={onClose} initialFocus={draft ? firstDescription : kindInput} size="wide">
      <form ref={form} className="dialog-form" noValidate onSubmit={submit} aria-busy={busy !== null}>
        <div className="dialog-body">
          <ErrorSummary errors={errors.map((error) => ({ label: error.field ? labelOf(error.field) : null, path: error.path, message: error.message, focus: error.field ? () => focusField(form.current, error.field!) : undefined }))} />
          <FormRefusal problem={problem} conflictText={t('invoiceEditor.conflict')} onReload={() => void reload()} />

          <fieldset className="form-section">
            <legend>{t('invoiceEditor.section.invoice')}</legend>
            <div className="form-grid">
              <div className="field">
                <span className="field-label">{t('invoiceField.client')}</span>
                <p className="field-static">
                  {client.name} <span className="muted">· {currency}</span>
                </p>
              </div>
              {saved ? (
                <div className="field">
                  <span className="field-label">{t('invoiceField.kind')}</span>
                  <p className="field-static">{t(`invoiceKind.${kind}`)}</p>
                </div>
              ) : (
                <SelectField
                  ref={kindInput}
                  id={invoiceInputId('kind')}
                  label={t('invoiceField.kind')}
                  hint={kind === 'proforma' ? t('invoiceEditor.proformaHint') : undefined}
                  value={values.kind}
                  error={errorOf.get('kind')}
                  onChange={(event) => update({ kind: event.target.value as DraftValues['kind'] })}
                >
                  <option value="invoice">{t('invoiceKind.invoice')}</option>
                  <option value="proforma">{t('invoiceKind.proforma')}</option>
                </SelectField>
              )}
            </div>
          </fieldset>

          <fieldset className="form-section line-editor">
            <legend>{t(taxMode === 'exclusive' ? 'invoiceEditor.section.linesExclusive' : 'invoiceEditor.section.linesInclusive', { currency })}</legend>
            <div className="line-grid line-grid-head" aria-hidden="true">
              <span>{t('invoiceEditor.column.description')}</span>
              <span>{t('invoiceEditor.column.quantity')}</span>
              <span className="numeric">{t('invoiceEditor.column.unitPrice', { currency })}</span>
              <span>{t('invoiceEditor.column.taxRate')}</span>
              <span className="numeric">{t('invoiceEditor.column.amount')}</span>
              <span />
            </div>
            <ol className="line-rows">
              {values.lines.map((line, index) => {
                const amount = totals.lines[index];
                const id = (field: (typeof LINE_FIELDS)[number]) => `lines.${index}.${field}` as const;
                return (
                  <li key={index} className="line-grid">
                    <TextField
                      ref={index === 0 ? firstDescription : undefined}
                      id={invoiceInputId(id('description'))}
                      label={labelOf(id('description'))}
                      hideLabel
                      autoComplete="off"
                      value={line.description}
                      error={errorOf.get(id('description'))}
                      onChange={(event) => changeLine(index, { description: event.target.value })}
                    />
                    <TextField
                      id={invoiceInputId(id('quantity'))}
                      label={labelOf(id('quantity'))}
                      hideLabel
                      className="numeric"
                      inputMode="decimal"
                      autoComplete="off"
                      value={line.quantity}
                      error={errorOf.get(id('quantity'))}
                      onChange={(event) => changeLine(index, { quantity: event.target.value })}
                    />
                    <TextField
                      id={invoiceInputId(id('unitPrice'))}
                      label={labelOf(id('unitPrice'))}
                      hideLabel
                      className="numeric"
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder={exampleAmount(currency)}
                      value={line.unitPrice}
                      error={errorOf.get(id('unitPrice'))}
                      onChange={(event) => changeLine(index, { unitPrice: event.target.value })}
                    />
                    <SelectField
                      id={invoiceInputId(id('taxRateId'))}
                      label={labelOf(id('taxRateId'))}
                      hideLabel
                      value={exempt ? '' : line.taxRateId}
                      disabled={exempt}
                      error={errorOf.get(id('taxRateId'))}
                      onChange={(event) => changeLine(index, { taxRateId: event.target.value })}
                    >
                      <option value="">{clientRateOption}</option>
                      {rateChoices(line).map((rate) => (
                        <option key={rate.id} value={rate.id}>
                          {rateName(rate)}
                        </option>
                      ))}
                    </SelectField>
                    <output className="line-amount" htmlFor={`${invoiceInputId(id('quantity'))} ${invoiceInputId(id('unitPrice'))}`}>
                      {amount ? money(taxMode === 'exclusive' ? amount.net : amount.total) : '—'}
                    </output>
                    <button type="button" className="button button-small" onClick={() => removeLine(index)}>
                      <span aria-hidden="true">×</span>
                      <span className="visually-hidden">{t('invoiceEditor.removeLine', { n: index + 1 })}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
            <div className="line-editor-footer">
              <button type="button" id={invoiceInputId('lines')} className="button button-small" disabled={values.lines.length >= MOST_LINES} onClick={() => update({ lines: [...values.lines, emptyLine()] })}>
                {t('invoiceEditor.addLine')}
              </button>
              {errorOf.has('lines') && <p className="field-error">{errorOf.get('lines')}</p>}
              {exempt && <p className="field-hint">{t('invoiceEditor.exemptHint', { reason: client.taxExemptReason ?? '' })}</p>}
            </div>
            <TaxTotals currency={currency} taxMode={taxMode} byRate={totals.byRate} netMinor={totals.netMinor} totalMinor={totals.totalMinor} />
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('invoiceEditor.section.dates')}</legend>
            <div className="form-grid">
              <TextField
                id={invoiceInputId('issueDate')}
                label={t('invoiceField.issueDate')}
                type="date"
                hint={t('invoiceEditor.issueDateHint')}
                value={values.issueDate}
                error={errorOf.get('issueDate')}
                onChange={(event) => update({ issueDate: event.target.value })}
              />
              <TextField
                id={invoiceInputId('dueDate')}
                label={t('invoiceField.dueDate')}
                type="date"
                hint={t('invoiceEditor.dueDateHint', { days: paymentTermsDays })}
                value={values.dueDate}
                error={errorOf.get('dueDate')}
                onChange={(event) => update({ dueDate: event.target.value })}
              />
              <TextAreaField
                id={invoiceInputId('notes')}
                className="span-2"
                label={t('invoiceField.notes')}
                hint={t('invoiceEditor.notesHint')}
                rows={2}
                value={values.notes}
                error={errorOf.get('notes')}
                onChange={(event) => update({ notes: event.target.value })}
              />
            </div>
          </fieldset>
        </div>

        <div className="dialog-footer">
          {confirmingDelete ? (
            <>
              <p className="footer-start" role="alert">
                {t('invoiceEditor.deleteConfirm')}
              </p>
              <button type="button" className="button" onClick={() => setConfirmingDelete(false)}>
                {t('invoiceEditor.keepDraft')}
              </button>
              <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => void deleteDraft()}>
                {busy === 'delete' ? busyText : t('invoiceEditor.deleteDraft')}
              </button>
            </>
          ) : (
            <>
              {saved && (
                <button type="button" className="button button-danger-outline footer-start" onClick={() => setConfirmingDelete(true)}>
                  {t('invoiceEditor.deleteDraft')}
                </button>
              )}
              <button type="button" className="button" onClick={onClose}>
                {t('form.cancel')}
              </button>
              <button type="submit" className="button" disabled={busy !== null}>
                {busy === 'save' ? busyText : t('invoiceEditor.saveDraft')}
              </button>
              <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void save('issue')}>
                {busy === 'issue' ? t('invoiceEditor.issuing') : t(kind === 'proforma' ? 'invoiceEditor.issueProforma' : 'invoiceEditor.issue')}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
