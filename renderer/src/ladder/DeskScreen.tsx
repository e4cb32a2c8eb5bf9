// The arrears desk (`#/desk`, 催缴工作台), the home of daily work: what the arrears ladder will do
// today, grouped by step, each line with its client, invoice, amount open, days overdue, risk band,
// status and warnings. Lines are selected (checkboxes, a whole step at once; Space toggles, the
// arrow keys move) and approved, skipped with a reason or postponed; "Run now" carries out what is
// runnable, follows its progress and then says what it did, what failed and what catch-up recorded.
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from 'react';
import type { LadderLineView, RunSummary } from '../../../shared/api/dunning.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { LINE_STATUSES } from '../../../shared/ladder/state.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField, TextField } from '../ui/Field.js';
import { formatDate, formatInstant } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { DecideLinesDialog } from './DecideLinesDialog.js';
import { DeskSetupNotice } from './DeskSetupNotice.js';
import { DeskStepTable } from './DeskStepTable.js';
import { DeskTabs } from './DeskTabs.js';
import { decidable, filterLines, groupByStep, RECORDED_ONLY, keepPresent, lineKey, lineRef, toggleGroup, type StatusFilter } from './deskLines.js';
import { stepName } from './ladderText.js';
import { NotificationSwitch } from './NotificationSwitch.js';
import './ladder.css';

type Desk = Output<'dunning.desk'>;
type ForecastEntry = Output<'dunning.forecast'>['entries'][number];
/** Escalations named one by one in a run's summary; the rest are counted. */
const WAITING_SHOWN = 5;
type Progress = { done: number; total: number | null; label: string };


/** `onCounts`: the desk's counts after each load, for the badge on the navigation. */
export function DeskScreen({ onCounts }: { onCounts: (counts: Record<string, number>) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [status, setStatus] = useState<StatusFilter>('todo');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'skip' | 'postpone' | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [next, setNext] = useState<ForecastEntry | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const table = useRef<HTMLDivElement>(null);
  const reportCounts = useEffectEvent(onCounts);

  useEffect(() => {
    let current = true;
    void api.call('dunning.desk', {}).then((answer) => {
      if (!current) return;
      if (!answer.ok) return setProblem(answer.error);
      setDesk(answer.value);
      reportCounts(answer.value.counts);
      setSelected((previous) => keepPresent(previous, answer.value.lines));
    });
    return () => {
      current = false;
    };
  }, [api, version]);

  // An empty desk says what comes next, from the same ladder's forecast.
  const empty = desk !== null && desk.lines.length === 0;
  useEffect(() => {
    if (!empty) return;
    let current = true;
    void api.call('dunning.forecast', { days: 30 }).then((answer) => {
      if (current) setNext(answer.ok ? (answer.value.entries[0] ?? null) : null);
    });
    return () => {
      current = false;
    };
  }, [api, empty]);

  // Another window (or the daily run) ran the ladder: show what it left.
  useBackendEvent('dunning.ran', () => {
    if (!running) reload();
  });
  useBackendEvent('job.progress', (event) => {
    if (running && event.label.startsWith('dunning') && !event.finished) setProgress({ done: event.done, total: event.total, label: event.label });
  });

  const date = (d: string) => formatDate(d, language);
  const lines = desk ? filterLines(desk.lines, status, search) : [];
  const groups = groupByStep(lines);
  const chosen = desk ? desk.lines.filter((line) => selected.has(lineKey(line))) : [];
  const approvable = decidable(chosen, 'approve');
  const skippable = decidable(chosen, 'skip');
  const postponable = decidable(chosen, 'postpone');
  const recorded = desk ? desk.lines.filter((line) => RECORDED_ONLY.includes(line.status)).length : 0;

  async function approve() {
    setBusy(true);
    const answer = await api.call('dunning.approve', { lines: approvable.map(lineRef) });
    setBusy(false);
    setProblem(answer.ok ? null : answer.error);
    setDone(answer.ok ? t('desk.approvedCount', { count: answer.value.approved }) : null);
    if (answer.ok) setSelected(new Set());
    reload();
  }

  async function run() {
    setRunning(true);
    setProgress(null);
    setSummary(null);
    setDone(null);
    const answer = await api.call('dunning.run', {});
    setRunning(false);
    setProblem(answer.ok ? null : answer.error);
    setSummary(answer.ok ? answer.value : null);
    reload();
  }

  /** Up and Down move between the line checkboxes, as in a list; Space toggles the focused one. */
  function moveFocus(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const boxes = [...(table.current?.querySelectorAll<HTMLInputElement>('input[data-line]') ?? [])];
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    if (at === -1) return;
    event.preventDefault();
    boxes[Math.max(0, Math.min(boxes.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }

  const toggle = (line: LadderLineView) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(lineKey(line))) next.delete(lineKey(line));
      else next.add(lineKey(line));
      return next;
    });

  return (
    <div className="screen desk-screen">
      <div className="screen-header">
        <h1>{t('desk.title')}</h1>
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={running || desk === null} onClick={() => void run()}>
            {t('desk.run')}
          </button>
        </div>
      </div>
      <DeskTabs current="desk" />
      <p className="screen-intro muted">
        {t('desk.intro')} {desk && t('desk.asOf', { date: date(desk.asOf) })}
      </p>
      <LastRun run={desk?.lastRun ?? null} />
      <NotificationSwitch />

      {running && (
        <p className="progress-inline" role="status">
          {progress?.total ? <progress className="progress" value={progress.done} max={progress.total} aria-label={t('desk.running')} /> : <progress className="progress" aria-label={t('desk.running')} />}
          {progress?.total ? t('desk.progress', { label: t('desk.running'), done: progress.done, total: progress.total }) : t('desk.running')}
        </p>
      )}
      {summary && <RunSummaryNotice summary={summary} waiting={desk?.lines.filter((line) => line.status === 'waiting_notice') ?? []} />}
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}

      {desk === null && !problem && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}

      {empty && (
        <div className="empty-state desk-empty">
          <h2>{t('desk.empty.title')}</h2>
          {next && <p>{t('desk.empty.next', { step: stepName(t, next.line.actions), client: next.line.clientName, invoice: next.line.invoiceNumber, date: date(next.date) })}</p>}
          {next === null && <p className="muted">{t('desk.empty.nothingAhead')}</p>}
        </div>
      )}

      {desk && !empty && (
        <>
          <DeskSetupNotice lines={desk.lines} />
          <div className="filter-bar">
            <TextField id="desk-search" className="filter-search" type="search" label={t('desk.search')} placeholder={t('desk.searchPlaceholder')} value={search} onChange={(event) => setSearch(event.target.value)} />
            <SelectField id="desk-status" label={t('desk.filter.status')} value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
              <option value="todo">
                {t('desk.filter.todo')} ({desk.lines.length - recorded})
              </option>
              <option value="all">
                {t('desk.filter.all')} ({desk.lines.length})
              </option>
              <option value="attention">
                {t('desk.filter.attention')} ({(desk.counts.needs_approval ?? 0) + (desk.counts.failed ?? 0)})
              </option>
              {LINE_STATUSES.filter((s) => (desk.counts[s] ?? 0) > 0).map((s) => (
                <option key={s} value={s}>
                  {t(`ladderStatus.${s}`)} ({desk.counts[s]})
                </option>
              ))}
            </SelectField>
          </div>

          {status === 'todo' && recorded > 0 && (
            <p className="notice notice-plain desk-catch-up">
              {t('desk.catchUpRecords', { missed: desk.counts.missed ?? 0, superseded: desk.counts.superseded ?? 0 })}{' '}
              <button type="button" className="link-button" onClick={() => setStatus('all')}>
                {t('desk.showRecorded')}
              </button>
            </p>
          )}

          <div className="toolbar desk-toolbar" role="group" aria-label={t('desk.selected', { count: chosen.length })}>
            <span className="muted">{t('desk.selected', { count: chosen.length })}</span>
            <button type="button" className="button button-primary" disabled={busy || approvable.length === 0} onClick={() => void approve()}>
              {t('desk.approve')}
            </button>
            <button type="button" className="button" disabled={busy || skippable.length === 0} onClick={() => setDialog('skip')}>
              {t('desk.skip')}
            </button>
            <button type="button" className="button" disabled={busy || postponable.length === 0} onClick={() => setDialog('postpone')}>
              {t('desk.postpone')}
            </button>
          </div>

          {groups.length === 0 ? (
            <p className="empty-state empty-state-compact muted">{t('desk.noMatch')}</p>
          ) : (
            <div ref={table} onKeyDown={moveFocus}>
              {groups.map((group) => (
                <DeskStepTable key={group.stepKey} group={group} selected={selected} onToggle={toggle} onToggleGroup={() => setSelected((previous) => toggleGroup(previous, group))} />
              ))}
            </div>
          )}
        </>
      )}

      {dialog && desk && (
        <DecideLinesDialog
          kind={dialog}
          lines={(dialog === 'skip' ? skippable : postponable).map(lineRef)}
          today={desk.asOf}
          onClose={() => setDialog(null)}
          onDone={(count) => {
            setDone(t(dialog === 'skip' ? 'desk.skippedCount' : 'desk.postponedCount', { count }));
            setDialog(null);
            setSelected(new Set());
            reload();
          }}
        />
      )}
    </div>
  );
}

function LastRun({ run }: { run: RunSummary | null }) {
  const { language, t } = useI18n();
  if (!run) return <p className="muted small desk-last-run">{t('desk.neverRun')}</p>;
  const who = run.startedBy === 'daily' ? t('desk.dailyRun') : run.startedBy;
  return <p className="muted small desk-last-run">{t('desk.lastRun', { when: formatInstant(run.finishedAt ?? run.startedAt, language), who, done: run.done, failed: run.failed })}</p>;
}

/** What a run did, failed and recorded for catch-up, and which escalations wait for their notice. */
function RunSummaryNotice({ summary, waiting: lines }: { summary: RunSummary; waiting: LadderLineView[] }) {
  const waiting = lines.filter((line) => line.waitsUntil !== null).sort((a, b) => a.waitsUntil!.localeCompare(b.waitsUntil!));
  const { language, t } = useI18n();
  const date = (d: string) => formatDate(d, language);
  const counts = [
    ['desk.summary.done', summary.done],
    ['desk.summary.failed', summary.failed],
    ['desk.summary.missed', summary.missed],
    ['desk.summary.superseded', summary.superseded],
    ['desk.summary.waiting', summary.waiting],
  ] as const;
  // What was done is always said, even none; the rest only when it happened.
  const shown = counts.filter(([key, count]) => count > 0 || key === 'desk.summary.done');
  const nothing = counts.every(([, count]) => count === 0);
  return (
    <div className={summary.failed > 0 || summary.cancelled ? 'notice notice-warning run-result-block desk-summary' : 'notice notice-success run-result-block desk-summary'} role="status">
      <p className="notice-title">{t(summary.cancelled ? 'desk.summary.cancelled' : 'desk.summary.title', { date: date(summary.asOf) })}</p>
      {nothing ? (
        <p>{t('desk.summary.nothing')}</p>
      ) : (
        <ul className="plain-list">
          {shown.map(([key, count]) => (
            <li key={key}>{t(key, { count })}</li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <ul className="plain-list">
          {waiting.slice(0, WAITING_SHOWN).map((line) => (
            <li key={lineKey(line)}>{t('desk.summary.waitsFor', { step: stepName(t, line.actions), client: line.clientName, date: date(line.waitsUntil!) })}</li>
          ))}
          {waiting.length > WAITING_SHOWN && <li className="muted">{t('desk.summary.andMore', { count: waiting.length - WAITING_SHOWN })}</li>}
        </ul>
      )}
    </div>
  );
}
