// The policy every book starts with is stored as "Standard" (shared/ladder/policy.ts). Until someone
// renames it, each language shows its own word for it; any other name is the user's, shown as typed.
import { DEFAULT_POLICY } from '../../../shared/ladder/policy.js';
import type { I18n } from '../i18n/I18nProvider.js';

export const policyName = (name: string, t: I18n['t']): string => (name === DEFAULT_POLICY.name ? t('policies.standardName') : name);
