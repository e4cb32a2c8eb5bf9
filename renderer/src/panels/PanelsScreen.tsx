// Settings → Panels (`#/settings/panels`): the control panels HostLedger talks to. Add one with the
// fields its kind needs (credentials go to the secret store and never come back), check its
// certificate and pin it, test it, link contracts to it; and which actions wait for approval.
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { PanelConnection } from '../../../shared/api/panels.js';
import { useApi } from '../api/ApiProvider.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstant } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { CertificateDialog } from './CertificateDialog.js';
import { ConnectionDialog } from './ConnectionDialog.js';
import { LinkContractsDialog } from './LinkContractsDialog.js';
import { DeleteConnectionDialog } from './DeleteConnectionDialog.js';
import { QueueSettingsPanel } from './QueueSettingsPanel.js';

type Open = { dialog: 'add' } | { dialog: 'edit' | 'certificate' | 'link' | 'delete'; connection: PanelConnection } | null;

export function PanelsScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [connections, setConnections] = useState<PanelConnection[] | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [testing, setTesting] = useState<string | null>(null);

  const [version, setVersion] = useState(0);
  const contractsChanged = useSettledChanges('contracts.changed');
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let current = true;
    void api.call('panels.connections.list', {}).then((answer) => {
      if (!current) return;
      if (answer.ok) setConnections(answer.value.items);
      else setProblem(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, version, contractsChanged]);

  async function test(connection: PanelConnection) {
    setTesting(connection.id);
    const answer = await api.call('panels.test', { id: connection.id });
    setTesting(null);
    setProblem(answer.ok ? null : answer.error);
    reload();
  }


  const closeAndReload = () => {
    setOpen(null);
    reload();
  };

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="panelSettings" />
      <section className="panel" aria-labelledby="panels-heading">
        <div className="section-header">
          <h2 id="panels-heading" className="panel-title">
            {t('panels.title')}
          </h2>
          <button type="button" className="button button-primary" onClick={() => setOpen({ dialog: 'add' })}>
            {t('panels.add')}
          </button>
        </div>
        <p className="muted small panel-intro">{t('panels.intro')}</p>
        {problem && (
          <p className="notice notice-error" role="alert">
            {noticeText(language, problem, [])}
          </p>
        )}
        {connections === null ? (
          <p className="muted" role="status">
            {t('shell.loading')}
          </p>
        ) : connections.length === 0 ? (
          <p className="muted">{t('panels.none')}</p>
        ) : (
          <div className="wide-table">
            <table className="data-table compact-table panel-table">
              <caption className="visually-hidden">{t('panels.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('panelField.name')}</th>
                  <th scope="col">{t('panelField.kind')}</th>
                  <th scope="col">{t('panelField.address')}</th>
                  <th scope="col">{t('panels.certificate')}</th>
                  <th scope="col">{t('panels.lastTest')}</th>
                  <th scope="col">{t('panels.linked')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('panels.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {connections.map((connection) => (
                  <tr key={connection.id}>
                    <th scope="row">{connection.name}</th>
                    <td>{t(`panel.${connection.kind}`)}</td>
                    <td>
                      <code>
                        {connection.protocol}://{connection.host}:{connection.port}
                      </code>
                    </td>
                    <td>
                      {connection.protocol === 'http' ? (
                        <span className="muted">{t('panels.plainHttp')}</span>
                      ) : connection.pinned ? (
                        <span className="badge badge-active" title={connection.pinned.sha256}>
                          {t('panels.pinned', { start: connection.pinned.sha256.slice(0, 11) })}
                        </span>
                      ) : (
                        <span className="badge badge-suspended">{t('panels.notPinned')}</span>
                      )}
                    </td>
                    <td>
                      {testing === connection.id ? (
                        <span role="status">{t('panels.testing')}</span>
                      ) : connection.lastTest ? (
                        <span className={connection.lastTest.ok ? '' : 'field-error'}>
                          {t(connection.lastTest.ok ? 'panels.testOk' : 'panels.testFailed', { when: formatInstant(connection.lastTest.at, language) })}
                          <br />
                          <span className="small muted">{connection.lastTest.message}</span>
                        </span>
                      ) : (
                        <span className="muted">{t('panels.neverTested')}</span>
                      )}
                    </td>
                    <td className="numeric">{connection.linkedContracts}</td>
                    <td>
                      <div className="button-row">
                        <button type="button" className="button button-small" onClick={() => setOpen({ dialog: 'certificate', connection })} disabled={connection.protocol === 'http'}>
                          {t('panels.checkCertificate')}
                        </button>
                        <button type="button" className="button button-small" onClick={() => void test(connection)} disabled={testing !== null}>
                          {t('panels.test')}
                        </button>
                        <button type="button" className="button button-small" onClick={() => setOpen({ dialog: 'link', connection })}>
                          {t('panels.link')}
                        </button>
                        <button type="button" className="button button-small" onClick={() => setOpen({ dialog: 'edit', connection })}>
                          {t('panels.edit')}
                        </button>
                        <button type="button" className="button button-small button-danger-outline" onClick={() => setOpen({ dialog: 'delete', connection })}>
                          {t('panels.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <QueueSettingsPanel />
      {open?.dialog === 'add' && <ConnectionDialog connection={null} onClose={() => setOpen(null)} onSaved={closeAndReload} />}
      {open?.dialog === 'edit' && <ConnectionDialog connection={open.connection} onClose={() => setOpen(null)} onSaved={closeAndReload} />}
      {open?.dialog === 'certificate' && <CertificateDialog connection={open.connection} onClose={closeAndReload} />}
      {open?.dialog === 'link' && <LinkContractsDialog connection={open.connection} onClose={closeAndReload} />}
      {open?.dialog === 'delete' && <DeleteConnectionDialog connection={open.connection} onClose={closeAndReload} />}
    </div>
  );
}
