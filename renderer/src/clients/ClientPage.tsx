// A client's page (`#/clients/<id>`): the client record, their account (balance, invoices,
// payments, statement, ledger), their payment risk, their arrears ladder, their contracts with "New contract", and their activity. Edit opens
// the client form; Archive and Restore move the client off and back onto the current list.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { ClientAccount } from '../accounts/ClientAccount.js';
import { useApi } from '../api/ApiProvider.js';
import { hrefOf } from '../app/routes.js';
import { ContractDialog } from '../contracts/ContractDialog.js';
import { ContractForm } from '../contracts/ContractForm.js';
import { ClientDocuments } from '../documents/ClientDocuments.js';
import { ClientEvidence } from '../evidence/EvidenceBundle.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ClientLadderPanel } from '../ladder/ClientLadderPanel.js';
import { ClientRiskPanel } from '../risk/ClientRiskPanel.js';
import { ArchiveClientDialog } from './ArchiveClientDialog.js';
import { ClientContracts } from './ClientContracts.js';
import { ClientDetails } from './ClientDetails.js';
import { ClientForm } from './ClientForm.js';
import { ClientTimeline } from './ClientTimeline.js';
import { useClientRecord } from './useClientRecord.js';

type OpenDialog = { kind: 'edit' } | { kind: 'archive' } | { kind: 'newContract' } | { kind: 'contract'; id: string } | null;

export function ClientPage({ clientId }: { clientId: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const { record, reload } = useClientRecord(clientId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreProblem, setRestoreProblem] = useState<ApiErrorBody | null>(null);
  const [bundlesMade, setBundlesMade] = useState(0);
  const closeDialog = () => setDialog(null);

  const backLink = (
    <p className="breadcrumb">
      <a href={hrefOf({ name: 'clients' })}>{t('clientPage.back')}</a>
    </p>
  );

  if (record.status === 'loading') {
    return (
      <div className="screen">
        {backLink}
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      </div>
    );
  }

  if (record.status === 'failed') {
    // A malformed id in the address bar is as missing as an unknown one.
    const missing = record.error.code === 'not_found' || record.error.code === 'invalid_input';
    return (
      <div className="screen">
        {backLink}
        <div className="notice notice-error" role="alert">
          <p>{missing ? t('clientPage.notFound') : translateApiError(language, record.error)}</p>
          {!missing && (
            <button type="button" className="button" onClick={reload}>
              {t('list.retry')}
            </button>
          )}
        </div>
      </div>
    );
  }

  const { client, contracts, timeline } = record;
  const archived = client.status === 'archived';

  async function restore() {
    setRestoring(true);
    const answer = await api.call('clients.restore', { id: client.id });
    setRestoring(false);
    setRestoreProblem(answer.ok ? null : answer.error);
    reload();
  }

  return (
    <div className="screen">
      {backLink}
      <div className="screen-header">
        <div className="title-group">
          <h1>{client.name}</h1>
          {archived && <span className="badge badge-muted">{t('clientStatus.archived')}</span>}
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'edit' })}>
            {t('clientPage.edit')}
          </button>
          {archived ? (
            <button type="button" className="button" onClick={() => void restore()} disabled={restoring}>
              {restoring ? t('form.saving') : t('clientPage.restore')}
            </button>
          ) : (
            <button type="button" className="button button-danger-outline" onClick={() => setDialog({ kind: 'archive' })}>
              {t('clientPage.archive')}
            </button>
          )}
        </div>
      </div>

      {restoreProblem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, restoreProblem)}
        </p>
      )}
      {archived && <p className="notice notice-warning">{t('clientPage.archivedNote')}</p>}

      <ClientDetails client={client} />

      <ClientAccount client={client} />

      <ClientRiskPanel clientId={client.id} currency={client.currency} />
      <ClientLadderPanel clientId={client.id} contracts={contracts} />
      {/* A bundle just made is archived with the client's documents: the list is read again. */}
      <ClientDocuments key={bundlesMade} client={client} />
      <ClientEvidence clientId={client.id} onMade={() => setBundlesMade((count) => count + 1)} />

      <section className="page-section" aria-labelledby="client-contracts-heading">
        <div className="section-header">
          <h2 id="client-contracts-heading">{t('clientPage.contracts')}</h2>
          {!archived && (
            <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'newContract' })}>
              {t('clientPage.newContract')}
            </button>
          )}
        </div>
        {contracts.length === 0 ? (
          <p className="empty-state empty-state-compact">{t(archived ? 'clientPage.noContractsArchived' : 'clientPage.noContracts')}</p>
        ) : (
          <ClientContracts contracts={contracts} onOpen={(contract) => setDialog({ kind: 'contract', id: contract.id })} />
        )}
      </section>

      <section className="page-section" aria-labelledby="client-activity-heading">
        <h2 id="client-activity-heading" className="section-title">
          {t('clientPage.activity')}
        </h2>
        <ClientTimeline entries={timeline} />
      </section>

      {dialog?.kind === 'edit' && (
        <ClientForm
          client={client}
          onClose={closeDialog}
          onSaved={() => {
            closeDialog();
            reload();
          }}
        />
      )}
      {dialog?.kind === 'archive' && (
        <ArchiveClientDialog
          client={client}
          onClose={closeDialog}
          onArchived={() => {
            closeDialog();
            reload();
          }}
        />
      )}
      {dialog?.kind === 'newContract' && (
        <ContractForm
          owner={client}
          contract={null}
          onClose={closeDialog}
          onSaved={() => {
            closeDialog();
            reload();
          }}
        />
      )}
      {dialog?.kind === 'contract' && <ContractDialog contractId={dialog.id} showClientLink={false} onClose={closeDialog} />}
    </div>
  );
}
