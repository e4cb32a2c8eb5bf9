// Why a document could not be made, in the user's language. The book refuses to issue documents
// while the company profile lacks what every document prints (the name, how to pay): that is
// said with the missing part named and a link to the profile, where it is fixed.
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { noticeText } from '../ui/refusalText.js';
import { COMPANY_LABELS, companyFieldOf } from './companyProfileValues.js';

/** The company profile's field a refusal names (`company.paymentLines` → paymentLines), if any. */
export function missingCompanyField(error: ApiErrorBody) {
  if (error.code !== 'invalid_input') return null;
  for (const field of error.details?.fields ?? []) {
    if (!field.field.startsWith('company.')) continue;
    const name = companyFieldOf(field.field.slice('company.'.length));
    if (name) return name;
  }
  return null;
}

/** `placed`: fields the form shows beside its own boxes, left out here. */
export function DocumentRefusal({ error, placed = [] }: { error: ApiErrorBody; placed?: readonly string[] }) {
  const { language, t } = useI18n();
  const missing = missingCompanyField(error);
  if (missing) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('pdfActions.companyIncomplete', { field: t(COMPANY_LABELS[missing]) })}</p>
        <a href={hrefOf({ name: 'companyProfile' })}>{t('pdfActions.openCompanyProfile')}</a>
      </div>
    );
  }
  const text = noticeText(language, error, placed);
  return text ? (
    <p className="notice notice-error" role="alert">
      {text}
    </p>
  ) : null;
}
