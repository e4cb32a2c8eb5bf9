// Amounts per currency — a fixed late fee, a cap — as rows of a currency code and an amount in it,
// since no amount in one currency stands for another. Each box has its own label for screen
// readers; the column headings say it for the eye. The form holds the currency suggestions
// (`settings-currency-options`) once for every list.
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount } from '../ui/amountText.js';
import { TextField } from '../ui/Field.js';
import type { AmountList, CurrencyAmount, SettingsField } from './billingSettingsValues.js';

interface CurrencyAmountRowsProps {
  list: AmountList;
  legend: string;
  hint: string;
  rows: CurrencyAmount[];
  errorOf: (field: SettingsField) => string | undefined;
  inputId: (field: SettingsField) => string;
  onChange: (rows: CurrencyAmount[]) => void;
}

export function CurrencyAmountRows({ list, legend, hint, rows, errorOf, inputId, onChange }: CurrencyAmountRowsProps) {
  const { t } = useI18n();
  const change = (index: number, row: Partial<CurrencyAmount>) => onChange(rows.map((current, at) => (at === index ? { ...current, ...row } : current)));
  const groupError = errorOf(list);
  return (
    <fieldset className={groupError ? 'currency-amounts field-invalid' : 'currency-amounts'}>
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      {rows.length > 0 && (
        <>
          <div className="currency-amount-row currency-amount-head" aria-hidden="true">
            <span>{t('settings.currencyColumn')}</span>
            <span>{t('settings.amountColumn')}</span>
            <span />
          </div>
          <ol className="currency-amount-rows">
            {rows.map((row, index) => (
              <li key={index} className="currency-amount-row">
                <TextField
                  id={inputId(`${list}.${index}.currency`)}
                  label={t('settings.currencyOf', { legend, n: index + 1 })}
                  hideLabel
                  list="settings-currency-options"
                  autoComplete="off"
                  maxLength={3}
                  value={row.currency}
                  error={errorOf(`${list}.${index}.currency`)}
                  onChange={(event) => change(index, { currency: event.target.value })}
                />
                <TextField
                  id={inputId(`${list}.${index}.amount`)}
                  label={t('settings.amountOf', { legend, n: index + 1 })}
                  hideLabel
                  className="numeric"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={exampleAmount(row.currency.trim().toUpperCase())}
                  value={row.amount}
                  error={errorOf(`${list}.${index}.amount`)}
                  onChange={(event) => change(index, { amount: event.target.value })}
                />
                <button type="button" className="button button-small" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">{t('settings.removeRow', { legend, n: index + 1 })}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      <button type="button" id={inputId(list)} className="button button-small" onClick={() => onChange([...rows, { currency: '', amount: '' }])}>
        {t('settings.addCurrency')}
      </button>
      {groupError && <p className="field-error">{groupError}</p>}
    </fieldset>
  );
}
