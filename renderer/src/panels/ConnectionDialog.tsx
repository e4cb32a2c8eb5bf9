// Adding or editing a panel connection: its kind's own credential and option fields
// (PANEL_CONNECTION_FIELDS). Credentials are write-only: an edit shows which are set and keeps
// any left empty.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { CONNECTABLE_PANEL_KINDS, type PanelConnection } from '../../../shared/api/panels.js';
import { PANEL_CONNECTION_FIELDS, type ConnectablePanelKind } from '../../../shared/domain/panelCapabilities.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';
import { panelFieldLabel } from './panelFieldLabel.js';

interface ConnectionDialogProps {
  connection: PanelConnection | null;
  onClose: () => void;
  onSaved: () => void;
}

export function ConnectionDialog({ connection, onClose, onSaved }: ConnectionDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [kind, setKind] = useState<ConnectablePanelKind>(connection?.kind ?? 'cpanel');
  const [name, setName] = useState(connection?.name ?? '');
  const [host, setHost] = useState(connection?.host ?? '');
  const [port, setPort] = useState(connection ? String(connection.port) : '');
  const [options, setOptions] = useState<Record<string, string>>(connection?.options ?? {});
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const kindBox = useRef<HTMLSelectElement>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  const fields = PANEL_CONNECTION_FIELDS[kind];
  const names = ['kind', 'name', 'host', 'port', ...fields.options.map((o) => `options.${o}`), ...fields.credentials.map((c) => `credentials.${c}`)];
  const { errorOf, focusFirst } = useFieldErrors(names, problem, form, 'panel');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const portNumber = port.trim() === '' ? undefined : Number(port);
    const shared = {
      name: name.trim(),
      host: host.trim(),
      ...(portNumber !== undefined ? { port: Number.isInteger(portNumber) ? portNumber : -1 } : {}),
      options: Object.fromEntries(fields.options.map((o) => [o, (options[o] ?? '').trim()])),
      credentials: Object.fromEntries(fields.credentials.map((c) => [c, credentials[c] ?? ''])),
    };
    setSaving(true);
    const answer = connection
      ? await api.call('panels.connections.update', { id: connection.id, expectedVersion: connection.version, ...shared })
      : await api.call('panels.connections.create', { kind, ...shared });
    setSaving(false);
    if (!answer.ok) {
      setProblem(answer.error);
      return focusFirst(answer.error);
    }
    onSaved();
  }

  const notice = noticeText(language, problem, names);
  return (
    <Dialog title={connection ? t('panels.editTitle', { name: connection.name }) : t('panels.addTitle')} onClose={onClose} initialFocus={connection ? nameBox : kindBox}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div className="dialog-body">
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <div className="form-grid">
            {connection ? (
              <p className="field">
                <span className="field-label">{t('panelField.kind')}</span> {t(`panel.${kind}`)}
              </p>
            ) : (
              <SelectField ref={kindBox} id="panel-kind" label={t('panelField.kind')} value={kind} error={errorOf('kind')} onChange={(event) => setKind(event.target.value as ConnectablePanelKind)}>
                {CONNECTABLE_PANEL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`panel.${k}`)}
                  </option>
                ))}
              </SelectField>
            )}
            <TextField ref={nameBox} id="panel-name" label={t('panelField.name')} requiredLabel={t('form.required')} autoComplete="off" value={name} error={errorOf('name')} onChange={(event) => setName(event.target.value)} />
            <TextField id="panel-host" label={t('panelField.host')} hint={t('panelField.hostHint')} requiredLabel={t('form.required')} autoComplete="off" spellCheck={false} value={host} error={errorOf('host')} onChange={(event) => setHost(event.target.value)} />
            <TextField id="panel-port" label={t('panelField.port')} inputMode="numeric" className="numeric" placeholder={String(fields.defaultPort)} value={port} error={errorOf('port')} onChange={(event) => setPort(event.target.value)} />
            {fields.options.map((option) => (
              <TextField
                key={option}
                id={`panel-options.${option}`}
                label={panelFieldLabel(t, option)}
                autoComplete="off"
                value={options[option] ?? ''}
                error={errorOf(`options.${option}`)}
                onChange={(event) => setOptions({ ...options, [option]: event.target.value })}
              />
            ))}
          </div>
          <fieldset className="form-section">
            <legend>{t('panels.credentials')}</legend>
            <p className="form-section-hint muted small">{t('panels.credentialsHint')}</p>
            <div className="form-grid">
              {fields.credentials.map((field) => (
                <TextField
                  key={field}
                  id={`panel-credentials.${field}`}
                  label={panelFieldLabel(t, field)}
                  type="password"
                  autoComplete="new-password"
                  hint={connection?.credentialsSet.includes(field) ? t('panels.credentialSet') : undefined}
                  value={credentials[field] ?? ''}
                  error={errorOf(`credentials.${field}`)}
                  onChange={(event) => setCredentials({ ...credentials, [field]: event.target.value })}
                />
              ))}
            </div>
          </fieldset>
        </div>
        <FormFooter confirm={connection ? t('form.save') : t('panels.addButton')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
