// Editing one dunning policy: its name, "manual only", the minimum amount per currency below which
// nothing escalates, the minimum notice days, and the ordered steps — each step's key, day, approval
// (fixed to "ask" for termination review and collections) and actions (send a letter on chosen
// channels, late fee, restrict, backup then suspend, termination review, collections). The server
// checks the whole policy; what it refuses is shown beside the box its path names
// (`steps.3.offsetDays`), the rest in a list on top.
import { useRef, useState, type FormEvent } from 'react';
import type { PolicyView } from '../../../shared/api/dunning.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { CHANNEL_MODES, LADDER_CHANNELS, LADDER_LETTERS, type LadderAction } from '../../../shared/ladder/policy.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { FormFooter } from '../ui/FormFooter.js';
import type { Translate } from './ladderText.js';
import { policyName } from './policyName.js';
import { alwaysAsks, moveStep, newAction, newStep, policyOf, policyPath, type PolicyValues, type StepValues } from './policyFormValues.js';

/** Paths that have a box (or an actions list) in the editor; a refusal of anything else goes on top. */
const PLACED = /^(name|minNoticeDays|minimumMinorByCurrency\.[A-Z]{3}|steps\.\d+\.(key|offsetDays|approval|actions))$/;

const ACTION_KINDS: readonly LadderAction['kind'][] = ['send', 'late_fee', 'restrict', 'backup_suspend', 'termination_review', 'collections'];

interface PolicyEditorProps {
  /** null: a new policy. */
  policy: PolicyView | null;
  initial: PolicyValues;
  onClose: () => void;
  onSaved: (saved: PolicyView) => void;
}

/** The box a field path belongs to. */
const inputId = (path: string) => `policy-${path.replace(/\./g, '-')}`;

/** The schema's own checks come back as plain "invalid": say which rule, from where and what it says. */
function policyErrorText(t: Translate, fallback: string, error: FieldError): string {
  const path = policyPath(error.field);
  if (error.code !== 'invalid') return fallback;
  if (/^steps\.\d+\.offsetDays$/.test(path)) return t('policyForm.error.order');
  if (/^steps\.\d+\.key$/.test(path)) return error.message.startsWith('Two steps') ? t('policyForm.error.duplicateKey') : t('policyForm.error.keyFormat');
  if (/^steps\.\d+\.approval$/.test(path)) return t('policyForm.error.alwaysAsks');
  if (/^steps\.\d+\.actions$/.test(path)) return t('policyForm.error.beforeDue');
  return fallback;
}

export function PolicyEditor({ policy, initial, onClose, onSaved }: PolicyEditorProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [values, setValues] = useState(initial);
  const [makeDefault, setMakeDefault] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const fieldErrors = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (path: string): string | undefined => {
    const error = fieldErrors.find((candidate) => policyPath(candidate.field) === path);
    return error ? policyErrorText(t, fieldErrorText(language, error), error) : undefined;
  };
  const focus = (path: string) => () => form.current?.querySelector<HTMLElement>(`#${inputId(path)}`)?.focus();
  // Refusals no box holds (a letter of an action, say) are listed on top with their path.
  const unplaced = fieldErrors.filter((error) => !PLACED.test(policyPath(error.field)));
  const set = (change: Partial<PolicyValues>) => setValues((current) => ({ ...current, ...change }));
  const setStep = (index: number, change: Partial<StepValues>) => set({ steps: values.steps.map((step, at) => (at === index ? { ...step, ...change } : step)) });

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const input = { policy: policyOf(values) as PolicyView['policy'], makeDefault, ...(policy ? { id: policy.id, expectedVersion: policy.version } : {}) };
    const answer = await api.call('dunning.policies.save', input);
    setSaving(false);
    if (answer.ok) return onSaved(answer.value);
    setProblem(answer.error);
    const first = answer.error.details?.fields?.[0];
    if (first) requestAnimationFrame(focus(policyPath(first.field)));
  }

  return (
    <Dialog title={policy ? t('policyForm.titleEdit', { name: policyName(policy.policy.name, t) }) : t('policyForm.titleNew')} onClose={onClose} initialFocus={nameInput} size="wide">
      <form ref={form} className="dialog-form policy-form" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
        <div className="dialog-body">
          {problem && problem.code !== 'invalid_input' && (
            <p className="notice notice-error" role="alert">
              {problem.code === 'conflict' ? t('policies.conflict') : translateApiError(language, problem)}
            </p>
          )}
          {unplaced.length > 0 && (
            <p className="notice notice-error" role="alert">
              {unplaced.map((error) => `${policyPath(error.field)}: ${fieldErrorText(language, error)}`).join(' ')}
            </p>
          )}
          <div className="form-grid">
            <TextField ref={nameInput} id={inputId('name')} label={t('policyForm.name')} requiredLabel={t('form.required')} value={values.name} error={errorOf('name')} onChange={(event) => set({ name: event.target.value })} />
            <TextField
              id={inputId('minNoticeDays')}
              label={t('policyForm.minNoticeDays')}
              hint={t('policyForm.minNoticeDaysHint')}
              inputMode="numeric"
              value={values.minNoticeDays}
              error={errorOf('minNoticeDays')}
              onChange={(event) => set({ minNoticeDays: event.target.value })}
            />
          </div>
          <label className="checkbox-row">
            <input type="checkbox" className="checkbox" checked={values.manualOnly} onChange={(event) => set({ manualOnly: event.target.checked })} />
            {t('policyForm.manualOnly')}
          </label>
          {!policy?.isDefault && (
            <label className="checkbox-row">
              <input type="checkbox" className="checkbox" checked={makeDefault} onChange={(event) => setMakeDefault(event.target.checked)} />
              {t('policyForm.makeDefault')}
            </label>
          )}

          <fieldset className="form-section">
            <legend>{t('policyForm.minimum')}</legend>
            <p className="field-hint">{t('policyForm.minimumHint')}</p>
            {values.minimums.map((row, index) => {
              const currency = row.currency.trim().toUpperCase();
              return (
                <div key={index} className="policy-action">
                  <TextField id={`policy-minimum-${index}-currency`} label={t('policyForm.currency')} maxLength={3} autoComplete="off" value={row.currency} onChange={(event) => set({ minimums: values.minimums.map((r, at) => (at === index ? { ...r, currency: event.target.value } : r)) })} />
                  <TextField
                    id={inputId(`minimumMinorByCurrency.${currency}`)}
                    label={t('policyForm.amount')}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder={exampleAmount(currency)}
                    value={row.amount}
                    error={errorOf(`minimumMinorByCurrency.${currency}`)}
                    onChange={(event) => set({ minimums: values.minimums.map((r, at) => (at === index ? { ...r, amount: event.target.value } : r)) })}
                  />
                  <button type="button" className="button button-small" onClick={() => set({ minimums: values.minimums.filter((_, at) => at !== index) })}>
                    {t('policyForm.removeMinimum', { currency: currency || '—' })}
                  </button>
                </div>
              );
            })}
            <button type="button" className="button button-small" onClick={() => set({ minimums: [...values.minimums, { currency: '', amount: '' }] })}>
              {t('policyForm.addMinimum')}
            </button>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('policyForm.steps')}</legend>
            {values.steps.map((step, index) => (
              <StepFields
                key={index}
                index={index}
                step={step}
                last={index === values.steps.length - 1}
                errorOf={errorOf}
                onChange={(change) => setStep(index, change)}
                onMove={(by) => set({ steps: moveStep(values.steps, index, by) })}
                onRemove={() => set({ steps: values.steps.filter((_, at) => at !== index) })}
              />
            ))}
            <button type="button" className="button" onClick={() => set({ steps: [...values.steps, newStep(values.steps)] })}>
              {t('policyForm.addStep')}
            </button>
          </fieldset>
        </div>
        <FormFooter confirm={t('policyForm.save')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

interface StepFieldsProps {
  index: number;
  step: StepValues;
  last: boolean;
  errorOf: (path: string) => string | undefined;
  onChange: (change: Partial<StepValues>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function StepFields({ index, step, last, errorOf, onChange, onMove, onRemove }: StepFieldsProps) {
  const { t } = useI18n();
  const number = index + 1;
  const path = (field: string) => `steps.${index}.${field}`;
  const fixedAsk = alwaysAsks(step);
  const actionsError = errorOf(path('actions'));
  return (
    <div className="policy-step" data-step-index={index}>
      <div className="policy-step-header">
        <h3 className="inline-form-title">{t('policyForm.step', { number })}</h3>
        <div className="button-row">
          <button type="button" className="button button-small" disabled={index === 0} aria-label={t('policyForm.moveUp', { number })} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="button button-small" disabled={last} aria-label={t('policyForm.moveDown', { number })} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="button button-small button-danger-outline" onClick={onRemove}>
            {t('policyForm.removeStep', { number })}
          </button>
        </div>
      </div>
      <div className="policy-step-fields">
        <TextField id={inputId(path('key'))} label={t('policyForm.key')} autoComplete="off" value={step.key} error={errorOf(path('key'))} onChange={(event) => onChange({ key: event.target.value })} />
        <TextField
          id={inputId(path('offsetDays'))}
          label={t('policyForm.offset')}
          hint={t('policyForm.offsetHint')}
          inputMode="numeric"
          autoComplete="off"
          value={step.offsetDays}
          error={errorOf(path('offsetDays'))}
          onChange={(event) => onChange({ offsetDays: event.target.value })}
        />
        <SelectField
          id={inputId(path('approval'))}
          label={t('policyForm.approval')}
          hint={fixedAsk ? t('policyForm.alwaysAsks') : undefined}
          disabled={fixedAsk}
          value={fixedAsk ? 'ask' : step.approval}
          error={errorOf(path('approval'))}
          onChange={(event) => onChange({ approval: event.target.value as StepValues['approval'] })}
        >
          <option value="ask">{t('policyForm.approval.ask')}</option>
          <option value="automatic">{t('policyForm.approval.automatic')}</option>
        </SelectField>
      </div>
      <div className={actionsError ? 'field-invalid' : undefined}>
        {step.actions.map((action, actionIndex) => (
          <ActionFields
            key={actionIndex}
            idPrefix={inputId(`${path('actions')}.${actionIndex}`)}
            action={action}
            removable={step.actions.length > 1}
            onChange={(next) => onChange({ actions: step.actions.map((current, at) => (at === actionIndex ? next : current)) })}
            onRemove={() => onChange({ actions: step.actions.filter((_, at) => at !== actionIndex) })}
          />
        ))}
        {actionsError && (
          <p id={`${inputId(path('actions'))}-error`} className="field-error">
            {actionsError}
          </p>
        )}
        {step.actions.length < 6 && (
          <button type="button" id={inputId(path('actions'))} className="button button-small" onClick={() => onChange({ actions: [...step.actions, newAction('send')] })}>
            {t('policyForm.addAction')}
          </button>
        )}
      </div>
    </div>
  );
}

function ActionFields({ idPrefix, action, removable, onChange, onRemove }: { idPrefix: string; action: LadderAction; removable: boolean; onChange: (action: LadderAction) => void; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <div className="policy-action">
      <SelectField id={`${idPrefix}-kind`} label={t('policyForm.actionKind')} value={action.kind} onChange={(event) => onChange(newAction(event.target.value as LadderAction['kind']))}>
        {ACTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`policyForm.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      {action.kind === 'send' && (
        <>
          <SelectField id={`${idPrefix}-letter`} label={t('policyForm.letter')} value={action.letter} onChange={(event) => onChange({ ...action, letter: event.target.value as typeof action.letter })}>
            {LADDER_LETTERS.map((letter) => (
              <option key={letter} value={letter}>
                {t(`documentKind.${letter}`)}
              </option>
            ))}
          </SelectField>
          {LADDER_CHANNELS.map((channel) => (
            <SelectField
              key={channel}
              id={`${idPrefix}-channels-${channel}`}
              label={t(`policyForm.channel.${channel}`)}
              value={action.channels[channel]}
              onChange={(event) => onChange({ ...action, channels: { ...action.channels, [channel]: event.target.value as (typeof CHANNEL_MODES)[number] } })}
            >
              {CHANNEL_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`channelMode.${mode}`)}
                </option>
              ))}
            </SelectField>
          ))}
        </>
      )}
      {action.kind === 'restrict' && (
        <SelectField id={`${idPrefix}-how`} label={t('policyForm.restrictHow')} value={action.how} onChange={(event) => onChange({ kind: 'restrict', how: event.target.value as 'limit_bandwidth' | 'downgrade' })}>
          <option value="limit_bandwidth">{t('ladderAction.limit_bandwidth')}</option>
          <option value="downgrade">{t('ladderAction.downgrade')}</option>
        </SelectField>
      )}
      {removable && (
        <button type="button" className="button button-small" onClick={onRemove}>
          {t('policyForm.removeAction')}
        </button>
      )}
    </div>
  );
}
