// One contract opened from a list: its details, and from there the edit form or "End contract".
// Only one dialog is shown at a time; each returns to the details, which reload after a change.
import { useEffect, useState } from 'react';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFocusReturn } from '../ui/useFocusReturn.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { ContractDetailDialog, type ContractDetail } from './ContractDetailDialog.js';
import { ContractForm } from './ContractForm.js';
import { EndContractDialog } from './EndContractDialog.js';
import type { Loadable } from '../ui/loadable.js';

type Loaded = Loadable<{ detail: ContractDetail }>;

interface ContractDialogProps {
  contractId: string;
  showClientLink: boolean;
  onClose: () => void;
}

export function ContractDialog({ contractId, showClientLink, onClose }: ContractDialogProps) {
  const api = useApi();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [mode, setMode] = useState<'view' | 'edit' | 'end'>('view');
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    // A reload keeps showing the contract as it was until the new answer is in.
    void api.call('contracts.get', { id: contractId }).then((answer) => {
      if (current) setLoaded(answer.ok ? { status: 'ready', detail: answer.value } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, contractId, changes]);

  useFocusReturn();

  const reload = () => setChanges((count) => count + 1);
  useBackendEvent('contracts.changed', (change) => {
    if (change.id === contractId) reload();
  });

  if (loaded.status === 'loading') return null;
  if (loaded.status === 'failed') return <ProblemDialog title={t('contract.titleUnknown')} error={loaded.error} onClose={onClose} />;
  const { detail } = loaded;
  const backToDetails = () => {
    setMode('view');
    reload();
  };

  if (mode === 'edit') {
    return <ContractForm owner={{ id: detail.clientId, name: detail.clientName, currency: detail.currency }} contract={detail} onClose={() => setMode('view')} onSaved={backToDetails} />;
  }
  if (mode === 'end') return <EndContractDialog contract={detail} onClose={() => setMode('view')} onEnded={backToDetails} />;
  return <ContractDetailDialog detail={detail} showClientLink={showClientLink} onClose={onClose} onEdit={() => setMode('edit')} onEnd={() => setMode('end')} />;
}
