// The desktop notifications of the desktop app: when the arrears desk has work for a person (lines
// waiting for approval, failed steps, calls due) — the backend's 'dunning.attention' event — or a
// panel action failed ('actions.updated' with state failed), a system notification in the user's
// language; clicking it brings the window to the front.
// Browser mode does the same with the web Notification API in the renderer.
import { Notification } from 'electron';
import type { EventPayload } from '../../shared/api/events.js';
import type { Language } from '../../shared/domain/language.js';
import { translate } from '../../shared/i18n/index.js';
import type { Backend } from '../core/index.js';

export interface DeskNotificationOptions {
  /** Read at each event: the user may switch language while the app runs. */
  language: () => Language;
  /** Brings the window to the front. */
  onClick: () => void;
}

/** The notification's words, or null when nothing waits (no notification then). */
export function deskNotificationText(language: Language, attention: EventPayload<'dunning.attention'>): { title: string; body: string } | null {
  if (attention.needsApproval + attention.failed + attention.callsDue === 0) return null;
  return { title: translate(language, 'desk.notify.title'), body: translate(language, 'desk.notify.body', attention) };
}

/** A failed panel action's words. */
export const actionFailedText = (language: Language) => ({ title: translate(language, 'desk.notify.actionFailedTitle'), body: translate(language, 'desk.notify.actionFailedBody') });

/** Listens for 'dunning.attention' and failed panel actions, and notifies; returns the unsubscribe function. */
export function notifyDeskAttention(backend: Pick<Backend, 'subscribe'>, options: DeskNotificationOptions): () => void {
  return backend.subscribe((event) => {
    if (!Notification.isSupported()) return;
    let text: { title: string; body: string } | null = null;
    if (event.name === 'dunning.attention') text = deskNotificationText(options.language(), event.payload);
    else if (event.name === 'actions.updated' && event.payload.state === 'failed') text = actionFailedText(options.language());
    if (!text) return;
    const notification = new Notification(text);
    notification.on('click', options.onClick);
    notification.show();
  });
}
