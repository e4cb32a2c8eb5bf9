// Ending a contract, with the reason required: at the end of the term (no more renewals; it ends
// on the next due date, the end of the period already billed) or now (cancelled today).
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Contract } from '../../../shared/domain/contract.js';
import { translateApiError, translateFieldError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { formatDate } from '../ui/formatting.js';

type When = 'term_end' | 'now';

/** The day a contract ended "at term end" stops: as the backend computes it. */
export const termEndOf = (contract: Contract): string =>
  contract.endDate && contract.endDate < contract.nextDueDate ? contract.endDate : contract.nextDueDate;

export function EndContractDialog({ contract, onClose, onEnded }: { contract: Contract; onClose: () => void; onEnded: (contract: Contract) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [when, setWhen] = useState<When>('term_end');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);

  const reasonError = problem?.code === 'invalid_input' ? problem.details?.fields?.find((error) => error.field === 'reason') : undefined;

  async function end(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('contracts.end', { id: contract.id, when, reason: reason.trim() });
    setSaving(false);
    if (answer.ok) return onEnded(answer.value);
    setProblem(answer.error);
    if (answer.error.details?.fields?.some((error) => error.field === 'reason')) reasonInput.current?.focus();
  }

  const choices: { value: When; title: string; detail: string }[] = [
    { value: 'term_end', title: t('endContract.termEnd'), detail: t('endContract.termEndDetail', { date: formatDate(termEndOf(contract), language) }) },
    { value: 'now', title: t('endContract.now'), detail: t('endContract.nowDetail') },
  ];

  return (
    <Dialog title={t('endContract.title', { label: contract.label })} onClose={onClose} initialFocus={firstChoice} size="small">
      <form className="dialog-form" noValidate onSubmit={(event) => void end(event)} aria-busy={saving}>
        <div className="dialog-body">
          {problem && !reasonError && (
            <p className="notice notice-error" role="alert">
              {problem.code === 'conflict' ? t('contractForm.ended') : translateApiError(language, problem)}
            </p>
          )}
          <fieldset className="form-section">
            <legend>{t('endContract.when')}</legend>
            <div className="choice-list">
              {choices.map((choice, index) => (
                <label key={choice.value} className="choice">
                  <input
                    ref={index === 0 ? firstChoice : undefined}
                    type="radio"
                    name="end-when"
                    value={choice.value}
                    checked={when === choice.value}
                    onChange={() => setWhen(choice.value)}
                    aria-describedby={`end-when-${choice.value}`}
                  />
                  <span>
                    <span className="choice-title">{choice.title}</span>
                    <span id={`end-when-${choice.value}`} className="choice-detail">
                      {choice.detail}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextAreaField
            ref={reasonInput}
            id="end-reason"
            label={t('endContract.reason')}
            requiredLabel={t('form.required')}
            hint={t('endContract.reasonHint')}
            rows={3}
            value={reason}
            error={reasonError ? translateFieldError(language, reasonError) : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <FormFooter confirm={t('endContract.confirm')} saving={saving} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
