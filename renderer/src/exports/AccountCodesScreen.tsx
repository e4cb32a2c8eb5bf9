// Settings → Account codes (#/settings/accounts): the accountant's code and name for each of our
// accounts, used by the journal export. An empty code exports HostLedger's own; a refused code is
// marked beside its box.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { ACCOUNT_NAMES, type AccountCode } from '../../../shared/billing/accounts.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { LoadNotice } from '../ui/LoadNotice.js';
import { TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { noticeText } from '../ui/refusalText.js';
import './exports.css';

type Row = { account: AccountCode; code: string; name: string };

const rowsOf = (accounts: Output<'exports.accountCodes.get'>['accounts']): Row[] =>
  accounts.map((a) => ({ account: a.account as AccountCode, code: a.code ?? '', name: a.name ?? '' }));

export function AccountCodesScreen() {
  const api = useApi();
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    let current = true;
    void api.call('exports.accountCodes.get', {}).then((answer) => {
      if (!current) return;
      if (answer.ok) setRows(rowsOf(answer.value.accounts));
      else setLoadProblem(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="accountCodes" />
      <LoadNotice loading={!rows} problem={loadProblem} />
      {rows && <AccountCodesForm initial={rows} />}
    </div>
  );
}

function AccountCodesForm({ initial }: { initial: Row[] }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [rows, setRows] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (field: string) => {
    const error = fieldErrors.find((candidate) => candidate.field === field);
    return error ? fieldErrorText(language, error) : undefined;
  };
  const placed = fieldErrors.filter((error) => /^codes\.\d+\.(code|name)$/.test(error.field)).map((error) => error.field);
  const set = (index: number, change: Partial<Row>) => {
    setSaved(false);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const codes = rows.map((row) => ({ account: row.account, code: row.code.trim() === '' ? null : row.code, name: row.code.trim() === '' || row.name.trim() === '' ? null : row.name }));
    const answer = await api.call('exports.accountCodes.update', { codes });
    setSaving(false);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) {
      setRows(rowsOf(answer.value.accounts));
      setSaved(true);
    } else {
      const first = (answer.error.details?.fields ?? []).map((error) => /^codes\.(\d+)\.(code|name)$/.exec(error.field)).find((match) => match !== null);
      if (first) form.current?.querySelector<HTMLElement>(`#account-${first[2]}-${first[1]}`)?.focus();
    }
  }

  const notice = problem ? noticeText(language, problem, placed) : null;
  return (
    <section className="panel" aria-labelledby="account-codes-heading">
      <h2 id="account-codes-heading" className="panel-title">
        {t('settings.accountCodes')}
      </h2>
      <p className="muted small panel-intro">{t('accountCodes.intro')}</p>
      <form ref={form} onSubmit={(event) => void save(event)} noValidate>
        {notice && (
          <p className="notice notice-error" role="alert">
            {notice}
          </p>
        )}
        <table className="data-table compact-table account-codes">
          <caption className="visually-hidden">{t('accountCodes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accountCodes.ours')}</th>
              <th scope="col">{t('accountCodes.code')}</th>
              <th scope="col">{t('accountCodes.name')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const account = `${row.account} ${ACCOUNT_NAMES[row.account][language]}`;
              return (
                <tr key={row.account}>
                  <th scope="row">{account}</th>
                  <td>
                    <TextField id={`account-code-${index}`} label={t('accountCodes.codeFor', { account })} hideLabel value={row.code} placeholder={row.account} error={errorOf(`codes.${index}.code`)} onChange={(event) => set(index, { code: event.target.value })} />
                  </td>
                  <td>
                    <TextField id={`account-name-${index}`} label={t('accountCodes.nameFor', { account })} hideLabel value={row.name} placeholder={ACCOUNT_NAMES[row.account].en} error={errorOf(`codes.${index}.name`)} onChange={(event) => set(index, { name: event.target.value })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('form.saving') : t('accountCodes.save')}
          </button>
          {saved && (
            <span className="notice-inline" role="status">
              {t('accountCodes.saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
