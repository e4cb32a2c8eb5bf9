// First contact with a panel: the certificate it presents (a TLS handshake only; no credentials
// are sent), its SHA-256 fingerprint to compare with the one the panel's owner sees, and pinning
// it. A pinned connection refuses any other certificate before sending anything.
import { useEffect, useRef, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import type { PanelConnection } from '../../../shared/api/panels.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { formatInstant } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';

type Probe = Output<'panels.probe'>;

export function CertificateDialog({ connection, onClose }: { connection: PanelConnection; onClose: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [probe, setProbe] = useState<Probe | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [pinning, setPinning] = useState(false);
  const [pinned, setPinned] = useState(false);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    void api.call('panels.probe', { id: connection.id }).then((answer) => {
      if (!current) return;
      if (answer.ok) setProbe(answer.value);
      else setProblem(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, connection.id]);

  async function pin() {
    if (!probe?.certificate) return;
    setPinning(true);
    const answer = await api.call('panels.pin', { id: connection.id, sha256: probe.certificate.sha256 });
    setPinning(false);
    if (answer.ok) setPinned(true);
    else setProblem(answer.error);
  }

  const certificate = probe?.certificate ?? null;
  return (
    <Dialog title={t('certificate.title', { name: connection.name })} onClose={onClose} initialFocus={close} size="wide">
      <div className="dialog-body">
        <p className="muted">{t('certificate.intro', { host: connection.host, port: connection.port })}</p>
        {problem && (
          <p className="notice notice-error" role="alert">
            {noticeText(language, problem, [])}
          </p>
        )}
        {!probe && !problem && (
          <p className="progress-inline" role="status">
            <progress className="progress" aria-label={t('certificate.probing')} /> {t('certificate.probing')}
          </p>
        )}
        {certificate && (
          <>
            <dl className="fact-grid fact-grid-wide">
              <div className="fact">
                <dt>{t('certificate.sha256')}</dt>
                <dd>
                  <code className="fingerprint" data-testid="fingerprint">
                    {certificate.sha256}
                  </code>
                </dd>
              </div>
              <div className="fact">
                <dt>{t('certificate.subject')}</dt>
                <dd>{certificate.subject}</dd>
              </div>
              <div className="fact">
                <dt>{t('certificate.issuer')}</dt>
                <dd>{certificate.selfSigned ? t('certificate.selfSigned') : certificate.issuer}</dd>
              </div>
              <div className="fact">
                <dt>{t('certificate.validTo')}</dt>
                <dd>{formatInstant(certificate.validTo, language)}</dd>
              </div>
            </dl>
            {pinned || probe?.matchesPin === true ? (
              <p className="notice notice-success" role="status">
                {t('certificate.isPinned')}
              </p>
            ) : probe?.matchesPin === false ? (
              <p className="notice notice-warning" role="alert">
                {t('certificate.changed')}
              </p>
            ) : (
              <p className="notice notice-plain">{t('certificate.compare')}</p>
            )}
          </>
        )}
      </div>
      <div className="dialog-footer">
        {certificate && !pinned && probe?.matchesPin !== true && (
          <button type="button" className="button button-primary footer-start" onClick={() => void pin()} disabled={pinning}>
            {pinning ? t('form.saving') : t('certificate.pin')}
          </button>
        )}
        <button ref={close} type="button" className="button" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>
    </Dialog>
  );
}
