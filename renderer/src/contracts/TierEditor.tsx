// The price tiers of a tiered or pay-as-you-go contract: rows of "up to N units" at "unit price".
// The last tier may leave "up to" empty for no limit. Every box has its own label, so each row
// reads clearly to a screen reader ("Tier 2: up to").
import type { ContractFormField, TierValues } from './contractFormValues.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount } from '../ui/amountText.js';
import { TextField } from '../ui/Field.js';

/** The backend takes at most this many tiers. */
const MOST_TIERS = 20;

interface TierEditorProps {
  className: string;
  tiers: TierValues[];
  currency: string;
  unitLabel: string;
  groupError: string | undefined;
  errorOf: (field: ContractFormField) => string | undefined;
  inputId: (field: ContractFormField) => string;
  onChange: (tiers: TierValues[]) => void;
}

export function TierEditor({ className, tiers, currency, unitLabel, groupError, errorOf, inputId, onChange }: TierEditorProps) {
  const { t } = useI18n();
  const change = (index: number, row: Partial<TierValues>) => onChange(tiers.map((tier, at) => (at === index ? { ...tier, ...row } : tier)));
  const units = unitLabel.trim() || t('tierEditor.units');

  return (
    <fieldset className={`tier-editor ${className}${groupError ? ' field-invalid' : ''}`} aria-describedby={groupError ? `${inputId('tiers')}-error` : undefined}>
      <legend>{t('contractField.tiers')}</legend>
      <p className="field-hint">{t('tierEditor.hint')}</p>
      {tiers.length > 0 && (
        <ol className="tier-rows">
          {tiers.map((tier, index) => (
            <li key={index} className="tier-row">
              <TextField
                id={inputId(`tiers.${index}.upTo`)}
                label={t('tierEditor.upToOf', { n: index + 1 })}
                inputMode="numeric"
                autoComplete="off"
                value={tier.upTo}
                placeholder={t('tierEditor.noLimit')}
                hint={units}
                error={errorOf(`tiers.${index}.upTo`)}
                onChange={(event) => change(index, { upTo: event.target.value })}
              />
              <TextField
                id={inputId(`tiers.${index}.unitPrice`)}
                label={t('tierEditor.unitPriceOf', { n: index + 1 })}
                inputMode="decimal"
                autoComplete="off"
                value={tier.unitPrice}
                placeholder={exampleAmount(currency)}
                hint={t('tierEditor.perUnit', { currency, unit: units })}
                error={errorOf(`tiers.${index}.unitPrice`)}
                onChange={(event) => change(index, { unitPrice: event.target.value })}
              />
              <button type="button" className="button button-small" onClick={() => onChange(tiers.filter((_, at) => at !== index))}>
                {t('tierEditor.remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" id={inputId('tiers')} className="button button-small" disabled={tiers.length >= MOST_TIERS} onClick={() => onChange([...tiers, { upTo: '', unitPrice: '' }])}>
        {t('tierEditor.add')}
      </button>
      {groupError && (
        <p id={`${inputId('tiers')}-error`} className="field-error">
          {groupError}
        </p>
      )}
    </fieldset>
  );
}
