// What the book lacks before the ladder can do all its steps — a company name, the email server,
// the SMS gateway for its messages; control panel accounts linked to contracts for its panel
// steps — said once above the desk with a link to the page that sets it, instead of at length on
// every line. The lines name it too, briefly, in the user's language.
import type { DeliveryProblem } from '../../../shared/api/channels.js';
import type { LadderLineView } from '../../../shared/api/dunning.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { setupNeeds, unlinkedPanelLines } from './deskLines.js';

const WHERE: Record<DeliveryProblem, 'company' | 'channels'> = {
  company_profile_missing: 'company',
  email_no_server: 'channels',
  email_no_sender: 'channels',
  sms_no_gateway: 'channels',
};

export function DeskSetupNotice({ lines }: { lines: readonly LadderLineView[] }) {
  const { t } = useI18n();
  const needs = setupNeeds(lines);
  const unlinked = unlinkedPanelLines(lines);
  if (needs.length === 0 && unlinked === 0) return null;
  return (
    <section className="notice notice-warning desk-setup" aria-labelledby="desk-setup-title">
      <h2 id="desk-setup-title">{t('deskSetup.title')}</h2>
      <ul>
        {/* First: the sentence under the list is about the messages that follow. */}
        {unlinked > 0 && (
          <li>
            {t('deskSetup.no_panel_link', { count: unlinked })} <a href={hrefOf({ name: 'panelSettings' })}>{t('panels.title')}</a>
          </li>
        )}
        {needs.map(({ problem, lines: count }) => (
          <li key={problem}>
            {t(`deskSetup.${problem}`, { count })}{' '}
            {WHERE[problem] === 'company' ? <a href={hrefOf({ name: 'companyProfile' })}>{t('companyForm.title')}</a> : <a href={hrefOf({ name: 'channelSettings' })}>{t('settings.channels')}</a>}
          </li>
        ))}
      </ul>
      {needs.length > 0 && <p className="small">{t('deskSetup.after')}</p>}
    </section>
  );
}
