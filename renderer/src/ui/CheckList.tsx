// Checks run on demand and shown as a list, each with a mark, its name and a plain result (and the
// problems found): the ledger check and the health page work and look the same way. A check can
// read a whole large book, so a progress bar shows while it runs.
import { useState } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface CheckItem {
  key: string;
  ok: boolean;
  name: string;
  state: string;
  problems?: readonly string[];
}

export interface CheckPanelProps {
  headingId: string;
  title: string;
  intro: string;
  runLabel: string;
  checkingLabel: string;
  allOkText: string;
  problemsText: string;
  /** Runs the checks; the answer is worded into items by the caller. */
  run: () => Promise<Envelope<{ ok: boolean; items: CheckItem[] }>>;
}

export function CheckPanel({ headingId, title, intro, runLabel, checkingLabel, allOkText, problemsText, run }: CheckPanelProps) {
  const { language } = useI18n();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; items: CheckItem[] } | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  async function check() {
    setChecking(true);
    const answer = await run();
    setChecking(false);
    setResult(answer.ok ? answer.value : null);
    setProblem(answer.ok ? null : answer.error);
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {title}
      </h2>
      <p className="muted small panel-intro">{intro}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={checking} onClick={() => void check()}>
          {runLabel}
        </button>
        {checking && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={checkingLabel} />
            {checkingLabel}
          </span>
        )}
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
      {result && !checking && (
        <div className="check-result" role="status">
          <p className={result.ok ? 'notice notice-success' : 'notice notice-error'}>{result.ok ? allOkText : problemsText}</p>
          <CheckList items={result.items} />
        </div>
      )}
    </section>
  );
}

export function CheckList({ items }: { items: readonly CheckItem[] }) {
  return (
    <ul className="check-list">
      {items.map((item) => (
        <li key={item.key} className={item.ok ? 'check check-ok' : 'check check-problem'}>
          <span className="check-mark" aria-hidden="true">
            {item.ok ? '✓' : '✗'}
          </span>
          <span className="check-name">{item.name}</span>
          <span className="check-state">{item.state}</span>
          {item.problems && item.problems.length > 0 && (
            <ul className="check-problems">
              {item.problems.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
