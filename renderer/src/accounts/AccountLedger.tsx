// The journal lines about a client, oldest first: every debit and credit to their receivable and
// their credit balance, with the account's name — what the accountant reads. Read-only.
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate } from '../ui/formatting.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { VirtualTable } from '../ui/VirtualTable.js';
import { accountName, entryKindKey } from './entryKinds.js';
import type { Loadable } from '../ui/loadable.js';

type LedgerLine = Output<'accounts.ledger'>['items'][number];
type Ledger = Loadable<{ lines: LedgerLine[] }>;

export function AccountLedger({ clientId, currency }: { clientId: string; currency: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [ledger, setLedger] = useState<Ledger>({ status: 'loading' });
  const changes = useSettledChanges('accounts.changed', (change) => change.clientId === clientId);

  useEffect(() => {
    let current = true;
    void api.call('accounts.ledger', { clientId }).then((answer) => {
      if (current) setLedger(answer.ok ? { status: 'ready', lines: answer.value.items } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, clientId, changes]);

  if (ledger.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (ledger.status === 'failed') {
    return (
      <p className="notice notice-error" role="alert">
        {translateApiError(language, ledger.error)}
      </p>
    );
  }
  if (ledger.lines.length === 0) return <p className="empty-state empty-state-compact">{t('ledger.empty')}</p>;
  const money = (minor: number) => (minor === 0 ? null : formatMoney(minor, currency, language));

  return (
    <>
      <p className="muted small ledger-intro">{t('ledger.intro')}</p>
      <VirtualTable
        caption={t('ledger.caption')}
        className="ledger-table"
        columnCount={5}
        columns={
          <>
            <th scope="col" className="col-date">{t('ledger.column.date')}</th>
            <th scope="col" className="col-entry">{t('ledger.column.entry')}</th>
            <th scope="col" className="col-account">{t('ledger.column.account')}</th>
            <th scope="col" className="col-price">{t('ledger.column.debit')}</th>
            <th scope="col" className="col-price">{t('ledger.column.credit')}</th>
          </>
        }
        items={ledger.lines.map((line, index) => ({ line, index }))}
        rowKey={({ index }) => String(index)}
        rowHeight={40}
        canLoadMore={false}
        busy={false}
        renderRow={({ line }) => (
          <>
            <td className="col-date">{formatColumnDate(line.date, language)}</td>
            <th scope="row">{t(entryKindKey(line.entryKind))}</th>
            <td>{accountName(line.account, language)}</td>
            <td className="col-price">{money(line.debitMinor)}</td>
            <td className="col-price">{money(line.creditMinor)}</td>
          </>
        )}
      />
    </>
  );
}
