// The problems a CSV import found, one row a cell: the row as a spreadsheet numbers it, the column,
// and the problem in the reader's language when its code is a known field error, with the
// backend's English sentence (which names the value at fault) beneath it. Used by every import
// that checks a file before writing anything (invoice history, clients, bank statements).
import type { RowError } from '../../../shared/api/imports.js';
import { en } from '../../../shared/i18n/en.js';
import { translateFieldError } from '../../../shared/i18n/index.js';
import type { FieldErrorCode } from '../../../shared/validation/fieldErrors.js';
import { useI18n } from '../i18n/I18nProvider.js';

const isKnownCode = (code: string): code is FieldErrorCode => Object.hasOwn(en, `fieldError.${code}`);

export interface ImportErrorTableProps {
  /** The first problems, as many as the backend sends. */
  errors: RowError[];
  /** How many there are in all; the rest are counted under the table. */
  errorCount: number;
}

export function ImportErrorTable({ errors, errorCount }: ImportErrorTableProps) {
  const { language, t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <>
      <table className="data-table compact-table import-errors">
        <caption className="visually-hidden">{t('imports.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-quantity">{t('imports.column.row')}</th>
            <th scope="col" className="col-column">{t('imports.column.column')}</th>
            <th scope="col">{t('imports.column.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={index}>
              <td className="col-quantity">{error.row}</td>
              <td>
                <code>{error.column ?? t('imports.wholeRow')}</code>
              </td>
              <td>
                {isKnownCode(error.code) ? translateFieldError(language, { field: error.column ?? '', code: error.code, message: error.message }) : null}
                <span className="cell-detail" lang="en">
                  {error.message}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errorCount > errors.length && <p className="muted small">{t('imports.moreErrors', { count: errorCount - errors.length })}</p>}
    </>
  );
}
