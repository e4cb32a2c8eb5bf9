// The warnings of a document just made, under its buttons: the document was still made (a logo
// left out, a missing character drawn as □, a long line cut), and the reseller should know.
import type { DocumentWarning } from '../../../shared/api/documents.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { distinctWarnings, warningText } from './warningText.js';

export function DocumentWarnings({ warnings }: { warnings: readonly DocumentWarning[] }) {
  const { language, t } = useI18n();
  const shown = distinctWarnings(warnings);
  if (shown.length === 0) return null;
  return (
    <div className="notice notice-warning document-warnings" role="status">
      <p className="notice-title">{t('pdfActions.warningsTitle')}</p>
      <ul>
        {shown.map((warning, index) => (
          <li key={index}>{warningText(language, warning)}</li>
        ))}
      </ul>
    </div>
  );
}
