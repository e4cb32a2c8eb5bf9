// A list of checks, each with a mark, its name and a plain result (and the problems found): the
// ledger check and the health page show their results the same way.
export interface CheckItem {
  key: string;
  ok: boolean;
  name: string;
  state: string;
  problems?: readonly string[];
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
