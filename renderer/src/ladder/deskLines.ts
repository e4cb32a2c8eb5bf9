// How the desk arranges the ladder's lines: grouped by step in ladder order, filtered by status and
// by a client search, and named for selection (a line is one step of one invoice). Pure, unit-tested.
import { DELIVERY_PROBLEMS, type DeliveryProblem } from '../../../shared/api/channels.js';
import type { LadderLineView } from '../../../shared/api/dunning.js';
import type { LineStatus } from '../../../shared/ladder/state.js';

/** One step of one invoice: what approve, skip and postpone name. */
export const lineKey = (line: Pick<LadderLineView, 'invoiceId' | 'stepKey'>) => `${line.invoiceId}|${line.stepKey}`;
export const lineRef = (line: Pick<LadderLineView, 'invoiceId' | 'stepKey'>) => ({ invoiceId: line.invoiceId, stepKey: line.stepKey });

/** The statuses each decision may be taken on (the backend refuses the others: electron/core/ladder/desk.ts). */
export const DECIDABLE = {
  approve: ['needs_approval'],
  skip: ['due', 'needs_approval', 'approved', 'failed', 'waiting_notice', 'postponed', 'paused', 'below_minimum'],
  postpone: ['due', 'needs_approval', 'approved', 'failed', 'waiting_notice', 'postponed'],
} as const satisfies Record<string, readonly LineStatus[]>;
export type Decision = keyof typeof DECIDABLE;

/** The selected lines a decision applies to. */
export const decidable = (lines: readonly LadderLineView[], decision: Decision): LadderLineView[] => lines.filter((line) => (DECIDABLE[decision] as readonly LineStatus[]).includes(line.status));

/** "Needs a person": waiting for an approval, or failed. */
export const ATTENTION: readonly LineStatus[] = ['needs_approval', 'failed'];
/** What catch-up only records (a reminder not sent late, a notice overtaken): nothing to decide. */
export const RECORDED_ONLY: readonly LineStatus[] = ['missed', 'superseded'];

/** 'todo', the desk's first view: every line except what catch-up only records. */
export type StatusFilter = 'todo' | 'all' | 'attention' | LineStatus;

export interface StepGroup {
  stepKey: string;
  lines: LadderLineView[];
  /** The days of its lines (a risk band can bring a restriction earlier), for the group's label. */
  offsets: number[];
}

/** The lines a filter and a search leave; the search matches the client's name or the invoice number, ignoring case. */
export function filterLines(lines: readonly LadderLineView[], status: StatusFilter, search: string): LadderLineView[] {
  const needle = search.trim().toLocaleLowerCase();
  return lines.filter((line) => {
    if (status === 'todo' ? RECORDED_ONLY.includes(line.status) : status === 'attention' ? !ATTENTION.includes(line.status) : status !== 'all' && line.status !== status) return false;
    return needle === '' || line.clientName.toLocaleLowerCase().includes(needle) || line.invoiceNumber.toLocaleLowerCase().includes(needle);
  });
}

/** The day most of a group's lines are on (a risk band can bring a few of them earlier). */
function usualOffset(lines: readonly LadderLineView[]): number {
  const tally = new Map<number, number>();
  for (const line of lines) tally.set(line.offsetDays, (tally.get(line.offsetDays) ?? 0) + 1);
  return [...tally.entries()].sort(([dayA, a], [dayB, b]) => b - a || dayA - dayB)[0]![0];
}

/**
 * Groups by step key, in ladder order (the day most of its lines are on, then its place in the
 * policy); within a group the most overdue first, then by client. Policies sharing a key (the
 * default's copies) share a group.
 */
export function groupByStep(lines: readonly LadderLineView[]): StepGroup[] {
  const groups = new Map<string, StepGroup>();
  for (const line of lines) {
    let group = groups.get(line.stepKey);
    if (!group) {
      group = { stepKey: line.stepKey, lines: [], offsets: [] };
      groups.set(line.stepKey, group);
    }
    group.lines.push(line);
    if (!group.offsets.includes(line.offsetDays)) group.offsets.push(line.offsetDays);
  }
  const order = (group: StepGroup) => [usualOffset(group.lines), Math.min(...group.lines.map((line) => line.stepIndex))] as const;
  return [...groups.values()]
    .map((group) => ({
      ...group,
      offsets: group.offsets.sort((a, b) => a - b),
      lines: group.lines.sort((a, b) => b.daysOverdue - a.daysOverdue || a.clientName.localeCompare(b.clientName) || a.invoiceNumber.localeCompare(b.invoiceNumber)),
    }))
    .sort((a, b) => {
      const [dayA, indexA] = order(a);
      const [dayB, indexB] = order(b);
      return dayA - dayB || indexA - indexB || a.stepKey.localeCompare(b.stepKey);
    });
}

/** Selection after toggling a whole group: all of it when any line was unselected, else none of it. */
export function toggleGroup(selected: ReadonlySet<string>, group: StepGroup): Set<string> {
  const keys = group.lines.map(lineKey);
  const next = new Set(selected);
  const all = keys.every((key) => next.has(key));
  for (const key of keys) {
    if (all) next.delete(key);
    else next.add(key);
  }
  return next;
}

/** The selection that still names lines on the desk (after a reload some lines are gone). */
export function keepPresent(selected: ReadonlySet<string>, lines: readonly LadderLineView[]): Set<string> {
  const present = new Set(lines.map(lineKey));
  return new Set([...selected].filter((key) => present.has(key)));
}

/** Per step key, the lines and the open amounts per currency: the forecast's totals. */
export function totalsByStep(lines: readonly LadderLineView[]): { stepKey: string; actions: LadderLineView['actions']; offsets: number[]; count: number; openByCurrency: Record<string, number> }[] {
  return groupByStep(lines).map((group) => {
    const openByCurrency: Record<string, number> = {};
    for (const line of group.lines) openByCurrency[line.currency] = (openByCurrency[line.currency] ?? 0) + line.openMinor;
    return { stepKey: group.stepKey, actions: group.lines[0]!.actions, offsets: group.offsets, count: group.lines.length, openByCurrency };
  });
}

/** Forecast entries by day, in date order. */
export function byDate<T extends { date: string }>(entries: readonly T[]): { date: string; entries: T[] }[] {
  const days = new Map<string, T[]>();
  for (const entry of entries) {
    const day = days.get(entry.date);
    if (day) day.push(entry);
    else days.set(entry.date, [entry]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, dayEntries]) => ({ date, entries: dayEntries }));
}

/** What the book must set up before the to-do lines' messages can go out, with how many lines wait for each, in DELIVERY_PROBLEMS order. */
export function setupNeeds(lines: readonly LadderLineView[]): { problem: DeliveryProblem; lines: number }[] {
  const waiting = new Map<DeliveryProblem, number>();
  for (const line of lines) {
    if (RECORDED_ONLY.includes(line.status)) continue;
    for (const problem of line.blockedBy) waiting.set(problem, (waiting.get(problem) ?? 0) + 1);
  }
  return DELIVERY_PROBLEMS.filter((problem) => waiting.has(problem)).map((problem) => ({ problem, lines: waiting.get(problem)! }));
}

/** How many to-do lines have a panel step their contract cannot do, for want of a linked panel account. */
export function unlinkedPanelLines(lines: readonly LadderLineView[]): number {
  return lines.filter((line) => !RECORDED_ONLY.includes(line.status) && line.warnings.includes('no_panel_link')).length;
}
