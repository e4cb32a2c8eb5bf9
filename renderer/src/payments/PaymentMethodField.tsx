// How the money came or went: bank transfer, card, PayPal, Alipay, WeChat Pay, cash or other.
import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/domain/invoice.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField } from '../ui/Field.js';

interface PaymentMethodFieldProps {
  id: string;
  value: PaymentMethod;
  error: string | undefined;
  onChange: (method: PaymentMethod) => void;
}

export function PaymentMethodField({ id, value, error, onChange }: PaymentMethodFieldProps) {
  const { t } = useI18n();
  return (
    <SelectField id={id} label={t('paymentField.method')} value={value} error={error} onChange={(event) => onChange(event.target.value as PaymentMethod)}>
      {PAYMENT_METHODS.map((method) => (
        <option key={method} value={method}>
          {t(`paymentMethod.${method}`)}
        </option>
      ))}
    </SelectField>
  );
}
