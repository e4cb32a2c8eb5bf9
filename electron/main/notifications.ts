// The desktop notification of the desktop app: when the arrears desk has work for a person (lines
// waiting for approval, failed steps, calls due), the backend's 'dunning.attention' event becomes
// a system notification in the user's language; clicking it brings the window to the front.
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

/** Listens for 'dunning.attention' and notifies; returns the unsubscribe function. */
export function notifyDeskAttention(backend: Pick<Backend, 'subscribe'>, options: DeskNotificationOptions): () => void {
  return backend.subscribe((event) => {
    if (event.name !== 'dunning.attention' || !Notification.isSupported()) return;
    const text = deskNotificationText(options.language(), event.payload);
    if (!text) return;
    const notification = new Notification(text);
    notification.on('click', options.onClick);
    notification.show();
  });
}
