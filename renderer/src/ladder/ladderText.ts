// The ladder in the reseller's words: a step's name from what it does ("Final notice (+10)"), a
// line's status with its date or reason, why the ladder is paused, what each action does, and the
// warnings an approver must read. Pure (a `t` and a date formatter come in), unit-tested, shared by
// the desk, the forecast, the policy editor and the client's Ladder panel.
import type { ActionOutcome, LadderLineView } from '../../../shared/api/dunning.js';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index.js';
import { LADDER_CHANNELS, type LadderAction } from '../../../shared/ladder/policy.js';

export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type FormatDate = (date: string) => string;

/** "+10", "−7" (a real minus sign), "0": a step's day counted from the due date. */
export function offsetText(offsetDays: number): string {
  if (offsetDays > 0) return `+${offsetDays}`;
  if (offsetDays < 0) return `\u2212${-offsetDays}`;
  return '0';
}

/**
 * What a step is called: after what changes the client's service, else after the letter it sends,
 * else its late fee. A restriction that also sends its notice is "Restriction"; the second notice
 * that also charges the fee is "Second overdue notice".
 */
export function stepName(t: Translate, actions: readonly LadderAction[]): string {
  const escalation = actions.find((a) => a.kind === 'restrict' || a.kind === 'backup_suspend' || a.kind === 'termination_review' || a.kind === 'collections');
  if (escalation) return t(`ladderStep.${escalation.kind}`);
  const send = actions.find((a) => a.kind === 'send');
  if (send) return t(`documentKind.${send.letter}`);
  return t('ladderStep.late_fee');
}

/** "Final notice (+10)"; a span of days when band adjustments moved some lines ("+5…+7"). */
export function stepLabel(t: Translate, actions: readonly LadderAction[], offsets: readonly number[]): string {
  const low = Math.min(...offsets);
  const high = Math.max(...offsets);
  const offset = low === high ? offsetText(low) : `${offsetText(low)}…${offsetText(high)}`;
  return t('ladderStep.label', { name: stepName(t, actions), offset });
}

/** One pause reason ('promise_until:2026-12-01', …) as a phrase. */
export function pauseReasonText(t: Translate, formatDate: FormatDate, reason: string): string {
  const [code, date] = reason.split(':', 2) as [string, string | undefined];
  if (code === 'plan_in_good_standing') return t('ladderPause.plan');
  if (code === 'plan_in_grace_until' && date) return t('ladderPause.planGrace', { date: formatDate(date) });
  if (code === 'promise_until' && date) return t('ladderPause.promise', { date: formatDate(date) });
  if (code === 'open_dispute') return t('ladderPause.dispute');
  return reason;
}

/** Where a line stands, with its date or reason: "Postponed until Dec 3, 2026", "Failed: email (SMTP refused)". */
export function statusText(t: Translate, formatDate: FormatDate, line: Pick<LadderLineView, 'status' | 'waitsUntil' | 'failures' | 'pauseReasons'>, separator: string): string {
  switch (line.status) {
    case 'failed':
      return line.failures.length > 0 ? t('ladderStatus.failedBecause', { reason: failuresText(t, formatDate, line.failures, separator) }) : t('ladderStatus.failed');
    case 'waiting_notice':
      return line.waitsUntil ? t('ladderStatus.waitsUntil', { date: formatDate(line.waitsUntil) }) : t('ladderStatus.waiting_notice');
    case 'postponed':
      return line.waitsUntil ? t('ladderStatus.postponedUntil', { date: formatDate(line.waitsUntil) }) : t('ladderStatus.postponed');
    case 'missed':
      return t('ladderStatus.missedWhy');
    case 'paused':
      return line.pauseReasons.length > 0
        ? t('ladderStatus.pausedBecause', { reasons: line.pauseReasons.map((reason) => pauseReasonText(t, formatDate, reason)).join(separator) })
        : t('ladderStatus.paused');
    case 'below_minimum':
      return t('ladderStatus.belowMinimumWhy');
    default:
      return t(`ladderStatus.${line.status}`);
  }
}

const KNOWN_WARNINGS = ['no_backup_possible', 'no_panel_link', 'no_email_address', 'no_phone', 'no_postal_address'] as const;

/** A warning code as a sentence the approver can act on; an unknown code is still shown. */
export function warningText(t: Translate, code: string): string {
  const known = KNOWN_WARNINGS.find((candidate) => candidate === code);
  return known ? t(`ladderWarning.${known}`) : t('ladderWarning.other', { code });
}

/**
 * An outcome's detail in the reader's language: a setting it waits for, what it did or why it could
 * not (its note, dates formatted), a warning code (no panel link); else the backend's words — a
 * server's answer is shown as it came.
 */
export function outcomeDetailText(t: Translate, formatDate: FormatDate, outcome: Pick<ActionOutcome, 'detail' | 'problem' | 'note' | 'noteParams'>): string {
  if (outcome.problem) return t(`deliveryProblem.${outcome.problem}`);
  if (outcome.note) {
    const params = Object.fromEntries(Object.entries(outcome.noteParams ?? {}).map(([name, date]) => [name, formatDate(date)]));
    return t(`outcomeNote.${outcome.note}`, params);
  }
  const detail = outcome.detail ?? '';
  return KNOWN_WARNINGS.some((code) => code === detail) ? warningText(t, detail) : detail;
}

/**
 * What failed on a rung's last attempt, actions failing for the same reason named together:
 * "email, letter — the company profile has no name yet". The reasons are the backend's (an SMTP
 * server's answer is shown as it came) unless it is a setting the book lacks.
 */
export function failuresText(t: Translate, formatDate: FormatDate, failures: readonly ActionOutcome[], separator: string): string {
  const byReason = new Map<string, string[]>();
  for (const failure of failures) {
    const reason = outcomeDetailText(t, formatDate, failure);
    byReason.set(reason, [...(byReason.get(reason) ?? []), outcomeKindText(t, failure.kind)]);
  }
  return [...byReason].map(([reason, kinds]) => (reason ? t('ladderStatus.failure', { what: kinds.join(separator), reason }) : kinds.join(separator))).join(t('ladderStatus.failureSeparator'));
}

/** What one action does: "Final notice by email, letter", "Bandwidth limit", "Late fee". */
export function actionText(t: Translate, action: LadderAction, separator: string): string {
  switch (action.kind) {
    case 'send': {
      const letter = t(`documentKind.${action.letter}`);
      const channels = LADDER_CHANNELS.flatMap((channel) => {
        const mode = action.channels[channel];
        if (mode === 'never') return [];
        const name = t(`ladderChannel.${channel}`);
        return [mode === 'always' ? name : t('ladderAction.ifPreferred', { channel: name })];
      });
      return channels.length === 0 ? t('ladderAction.sendNowhere', { letter }) : t('ladderAction.send', { letter, channels: channels.join(separator) });
    }
    case 'restrict':
      return t(`ladderAction.${action.how}`);
    default:
      return t(`ladderAction.${action.kind}`);
  }
}

/** Days overdue as the desk's column shows them; reminders before the due date count down. */
export function overdueText(t: Translate, daysOverdue: number): string {
  if (daysOverdue > 0) return t('desk.daysOverdue', { days: daysOverdue });
  if (daysOverdue < 0) return t('desk.dueIn', { days: -daysOverdue });
  return t('desk.dueToday');
}

/** What an outcome of a run was about: 'send:email' → "email", 'limit_bandwidth' → "Bandwidth limit". */
export function outcomeKindText(t: Translate, kind: string): string {
  const channel = LADDER_CHANNELS.find((candidate) => kind === `send:${candidate}` || kind === candidate);
  if (channel) return t(`ladderChannel.${channel}`);
  switch (kind) {
    case 'late_fee':
    case 'limit_bandwidth':
    case 'downgrade':
    case 'backup_suspend':
    case 'termination_review':
    case 'collections':
      return t(`ladderAction.${kind}`);
    case 'suspend':
      return t('ladderAction.suspend');
    default:
      return kind;
  }
}
