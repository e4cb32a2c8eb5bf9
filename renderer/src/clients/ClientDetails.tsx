// The client record at a glance: contact, postal address, billing and notes. Empty fields are
// left out rather than shown as dashes.
import type { ReactNode } from 'react';
import type { Client } from '../../../shared/domain/client.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstantDate } from '../ui/formatting.js';

export function ClientDetails({ client }: { client: Client }) {
  const { language, t } = useI18n();
  const address = client.address
    ? [...client.address.lines, [client.address.postalCode, client.address.city].filter(Boolean).join(' '), client.address.region, client.address.country].filter(Boolean)
    : [];

  const facts: [string, ReactNode][] = [
    [t('field.company'), client.company],
    [t('field.contactName'), client.contactName],
    [t('field.email'), client.email],
    [t('field.billingEmail'), client.billingEmail],
    [t('field.phone'), client.phone],
    [
      t('clientForm.section.address'),
      address.length > 0 ? (
        <span className="address">
          {address.map((line, index) => (
            <span key={index}>{line}</span>
          ))}
        </span>
      ) : null,
    ],
    [t('field.currency'), client.currency],
    [t('field.language'), t(`language.${client.language}`)],
    [t('field.country'), client.country],
    [t('field.taxId'), client.taxId],
    [t('field.taxExemptReason'), client.taxExemptReason],
    [t('clientPage.billing'), client.prepay ? t('clientPage.prepays') : null],
    [t('clientForm.section.channels'), client.channels.length > 0 ? client.channels.map((channel) => t(`channel.${channel}`)).join(t('list.separator')) : t('clientPage.noChannel')],
    [
      t('field.tags'),
      client.tags.length > 0 ? (
        <ul className="tag-list">
          {client.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      ) : null,
    ],
    [t('clientPage.since'), formatInstantDate(client.createdAt, language)],
  ];

  return (
    <section className="panel" aria-labelledby="client-record-heading">
      <h2 id="client-record-heading" className="panel-title">
        {t('clientPage.record')}
      </h2>
      <dl className="fact-grid fact-grid-wide">
        {facts
          .filter(([, value]) => value !== null && value !== '')
          .map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {client.notes && (
        <div className="fact fact-notes">
          <p className="fact-label">{t('field.notes')}</p>
          <p className="long-text">{client.notes}</p>
        </div>
      )}
    </section>
  );
}
