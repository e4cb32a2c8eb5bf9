// The sections of the left navigation, in order. A new screen (invoices, arrears desk, …) is one
// more entry here.
import type { ComponentType } from 'react';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { ClientsScreen } from '../clients/ClientsScreen.js';

export interface Section {
  id: string;
  label: MessageKey;
  Screen: ComponentType;
}

export const SECTIONS = [{ id: 'clients', label: 'nav.clients', Screen: ClientsScreen }] as const satisfies readonly Section[];

export type SectionId = (typeof SECTIONS)[number]['id'];
