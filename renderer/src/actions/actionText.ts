// How an action reads on screen: who asked, what it sets, and why it waits.
import type { PanelActionView } from '../../../shared/api/actions.js';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index.js';

type T = (key: MessageKey, params?: MessageParams) => string;

/** 'payment' and 'ladder' are HostLedger itself; anything else is a person's name. */
export function requesterText(t: T, requestedBy: string): string {
  if (requestedBy === 'payment') return t('actions.byPayment');
  if (requestedBy === 'ladder') return t('actions.byLadder');
  return requestedBy;
}

export function paramsText(t: T, action: Pick<PanelActionView, 'kind' | 'params'>): string | null {
  const { bandwidth, packageName } = action.params;
  if (action.kind === 'limit_bandwidth' || action.kind === 'restore_bandwidth') {
    if (!bandwidth) return t('actions.unlimited');
    const parts = [bandwidth.monthlyMb !== null ? t('actions.monthlyMb', { mb: bandwidth.monthlyMb }) : null, bandwidth.rateKBps !== null ? t('actions.rateKBps', { rate: bandwidth.rateKBps }) : null].filter(Boolean);
    return parts.length ? parts.join(', ') : t('actions.unlimited');
  }
  if ((action.kind === 'downgrade' || action.kind === 'restore_package') && packageName) return t('actions.package', { name: packageName });
  return null;
}

/** Why a queued action has not started, if it is waiting for something. */
export function waitingText(t: T, action: PanelActionView): string | null {
  if (action.state === 'pending_approval') return action.awaitingConfirmation ? t('actions.awaitingConfirmation') : t('actions.awaitingApproval');
  if (action.state !== 'queued') return null;
  if (action.dependsOn && action.dependsOn.state !== 'succeeded') {
    return action.dependsOn.state === 'failed' || action.dependsOn.state === 'cancelled' ? t('actions.dependencyFailed') : t('actions.waitsForBackup');
  }
  if (action.nextAttemptAt) return t('actions.retryLater', { attempts: action.attempts });
  return null;
}
