// What the book lacks before the ladder's messages can go out — a company name, the email server,
// the SMS gateway — said once above the desk with a link to the page that sets it, instead of on
// every failed line. The failed lines name it too, in the user's language.
import type { DeliveryProblem } from '../../../shared/api/channels.js';
import type { LadderLineView } from '../../../shared/api/dunning.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { setupNeeds } from './deskLines.js';

const WHERE: Record<DeliveryProblem, 'company' | 'channels'> = {
  company_profile_missing: 'company',
  email_no_server: 'channels',
  email_no_sender: 'channels',
  sms_no_gateway: 'channels',
};

export function DeskSetupNotice({ lines }: { lines: readonly LadderLineView[] }) {
  const { t } = useI18n();
  const needs = setupNeeds(lines);
  if (needs.length === 0) return null;
  return (
    <section className="notice notice-warning desk-setup" aria-labelledby="desk-setup-title">
      <h2 id="desk-setup-title">{t('deskSetup.title')}</h2>
      <ul>
        {needs.map(({ problem, lines: count }) => (
          <li key={problem}>
            {t(`deskSetup.${problem}`, { count })}{' '}
            {WHERE[problem] === 'company' ? <a href={hrefOf({ name: 'companyProfile' })}>{t('companyForm.title')}</a> : <a href={hrefOf({ name: 'channelSettings' })}>{t('settings.channels')}</a>}
          </li>
        ))}
      </ul>
      <p className="small">{t('deskSetup.after')}</p>
    </section>
  );
}
