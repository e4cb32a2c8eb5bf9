import type { MessageKey, MessageParams } from '../../../shared/i18n/index.js';
import { panelsEn } from '../../../shared/i18n/panels.js';

/** The label of a credential or option field named in PANEL_CONNECTION_FIELDS; the name itself if unknown. */
export function panelFieldLabel(t: (key: MessageKey, params?: MessageParams) => string, name: string): string {
  const key = `panelField.${name}`;
  return Object.hasOwn(panelsEn, key) ? t(key as MessageKey) : name;
}
