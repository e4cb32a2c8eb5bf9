// One step of the arrears desk: a heading with the step's name and day, and a table of its lines
// with a select-all box. A step with many lines (a big book's restriction or final notice can hold
// thousands) puts only the rows near the screen in the page: all the desk's groups scroll together
// in the screen's own scroll area, so each long group's rows are placed by where its table starts
// in that area (TanStack Virtual's scrollMargin), and empty spacer rows keep the scroll bar true.
// The arrow keys still walk the rows: the next row's checkbox is always rendered (overscan), and
// focusing it scrolls the area, which renders the rows after it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { LadderLineView } from '../../../shared/api/dunning.js';
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { RiskBadge } from '../risk/RiskBadge.js';
import { formatDate } from '../ui/formatting.js';
import { VirtualSpace } from '../ui/VirtualSpace.js';
import { lineKey, type StepGroup } from './deskLines.js';
import { actionText, overdueText, statusText, stepLabel, warningText } from './ladderText.js';

/** A group longer than this draws only the rows in view; a shorter one draws them all. */
export const VIRTUAL_FROM_LINES = 100;
/** A typical line's height before it is measured (its status and actions wrap over a few lines). */
const LINE_HEIGHT_PX = 150;
const COLUMNS = 8;

const STATUS_BADGE: Record<LadderLineView['status'], string> = {
  due: 'badge badge-active',
  needs_approval: 'badge badge-restricted',
  approved: 'badge badge-active',
  failed: 'badge badge-suspended',
  waiting_notice: 'badge badge-muted',
  postponed: 'badge badge-muted',
  missed: 'badge badge-muted',
  superseded: 'badge badge-muted',
  paused: 'badge badge-muted',
  below_minimum: 'badge badge-muted',
};

interface StepTableProps {
  group: StepGroup;
  selected: ReadonlySet<string>;
  onToggle: (line: LadderLineView) => void;
  onToggleGroup: () => void;
}

export function DeskStepTable({ group, selected, onToggle, onToggleGroup }: StepTableProps) {
  const { t } = useI18n();
  const label = stepLabel(t, group.lines[0]!.actions, group.offsets);
  const all = group.lines.every((line) => selected.has(lineKey(line)));
  const some = !all && group.lines.some((line) => selected.has(lineKey(line)));
  const headingId = `desk-step-${group.stepKey}`;
  const rows = { lines: group.lines, selected, onToggle };
  return (
    <section className="desk-group" aria-labelledby={headingId} data-step={group.stepKey}>
      <div className="desk-group-header">
        <h2 id={headingId} className="section-title">
          {label}
        </h2>
        <span className="muted small">{t('desk.groupCount', { count: group.lines.length })}</span>
      </div>
      <div className="wide-table">
        <table className="data-table desk-table" aria-rowcount={group.lines.length + 1}>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="col-check">
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={t('desk.selectGroup', { step: label })}
                  checked={all}
                  ref={(box) => {
                    if (box) box.indeterminate = some;
                  }}
                  onChange={onToggleGroup}
                />
              </th>
              <th scope="col">{t('desk.col.client')}</th>
              <th scope="col">{t('desk.col.invoice')}</th>
              <th scope="col" className="col-money">
                {t('desk.col.open')}
              </th>
              <th scope="col">{t('desk.col.overdue')}</th>
              <th scope="col">{t('desk.col.risk')}</th>
              <th scope="col">{t('desk.col.status')}</th>
              <th scope="col">{t('desk.col.does')}</th>
            </tr>
          </thead>
          {group.lines.length > VIRTUAL_FROM_LINES ? <RowsInView {...rows} /> : <AllRows {...rows} />}
        </table>
      </div>
    </section>
  );
}

interface RowsProps {
  lines: readonly LadderLineView[];
  selected: ReadonlySet<string>;
  onToggle: (line: LadderLineView) => void;
}

function AllRows({ lines, selected, onToggle }: RowsProps) {
  return (
    <tbody>
      {lines.map((line, index) => (
        <LineRow key={lineKey(line)} line={line} index={index} chosen={selected.has(lineKey(line))} onToggle={onToggle} />
      ))}
    </tbody>
  );
}

function RowsInView({ lines, selected, onToggle }: RowsProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where this table's rows start in the screen's scroll area: groups and notices above move it.
  const [margin, setMargin] = useState(0);
  // TanStack Virtual keeps its own mutable state and re-renders through its own hook, which is
  // what this table needs; nothing here memoizes its results.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => body.current?.closest<HTMLElement>('.app-main') ?? null,
    estimateSize: () => LINE_HEIGHT_PX,
    overscan: 10,
    scrollMargin: margin,
    getItemKey: (index) => lineKey(lines[index]!),
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0]!.start - margin : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - margin) : virtualizer.getTotalSize();

  // After every render, not on a list of dependencies: what moves this table (a notice shown
  // above, a group above that changed) is not this component's state. It settles at once: the
  // margin is only set when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const scroller = body.current?.closest<HTMLElement>('.app-main');
    if (!body.current || !scroller) return;
    const top = body.current.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (Math.abs(top - margin) >= 1) setMargin(top);
    body.current.style.setProperty('--space-before', `${before}px`);
    body.current.style.setProperty('--space-after', `${after}px`);
  });

  return (
    <tbody ref={body}>
      {before > 0 && <VirtualSpace where="before" columns={COLUMNS} />}
      {items.map((item) => {
        const line = lines[item.index]!;
        return <LineRow key={item.key} line={line} index={item.index} chosen={selected.has(lineKey(line))} onToggle={onToggle} measure={virtualizer.measureElement} />;
      })}
      {after > 0 && <VirtualSpace where="after" columns={COLUMNS} />}
    </tbody>
  );
}

interface LineRowProps {
  line: LadderLineView;
  /** Its place in the group (the table's row 1 is the header). */
  index: number;
  chosen: boolean;
  onToggle: (line: LadderLineView) => void;
  /** A drawn-in-view row is measured as it renders, so a row whose text wraps is not cut off. */
  measure?: (row: HTMLTableRowElement | null) => void;
}

function LineRow({ line, index, chosen, onToggle, measure }: LineRowProps) {
  const { language, t } = useI18n();
  const date = (d: string) => formatDate(d, language);
  const separator = t('list.separator');
  const status = statusText(t, date, line, separator);
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} data-invoice-id={line.invoiceId} data-status={line.status} aria-selected={chosen}>
      <td className="col-check">
        <input type="checkbox" className="checkbox" data-line={lineKey(line)} aria-label={t('desk.selectLine', { invoice: line.invoiceNumber, client: line.clientName })} checked={chosen} onChange={() => onToggle(line)} />
      </td>
      <th scope="row" className="desk-client">
        <a href={hrefOf({ name: 'client', id: line.clientId })}>{line.clientName}</a>
      </th>
      <td>{line.invoiceNumber}</td>
      <td className="col-money">{formatMoney(line.openMinor, line.currency, language)}</td>
      <td>{overdueText(t, line.daysOverdue)}</td>
      <td>{line.band ? <RiskBadge band={line.band} /> : <span className="muted small">{t('risk.notScored')}</span>}</td>
      <td>
        <div className="desk-status">
          <span className={STATUS_BADGE[line.status]}>{t(`ladderStatus.${line.status}`)}</span>
          {status !== t(`ladderStatus.${line.status}`) && <span className="small">{status}</span>}
          {line.catchUp && <span className="small muted">{t('desk.catchUp', { date: date(line.scheduledOn) })}</span>}
          {line.resumedFrom && <span className="small">{t(`desk.resumed.${line.resumedFrom.kind}`, { date: date(line.resumedFrom.on) })}</span>}
        </div>
      </td>
      <td className="small">
        <ul className="plain-list">
          {line.actions.map((action, index) => (
            <li key={index}>{actionText(t, action, separator)}</li>
          ))}
        </ul>
        {line.needsApproval && line.status !== 'approved' && <span className="muted">{t('desk.asks')}</span>}
        {line.suspensionDate && <p className="muted">{t('desk.suspensionDate', { date: date(line.suspensionDate) })}</p>}
        {line.feeDate && <p className="muted">{t('desk.feeDate', { date: date(line.feeDate) })}</p>}
        {line.warnings.map((code) =>
          // The setup notice above the desk explains a missing panel link; the line only names it.
          code === 'no_panel_link' ? (
            <p key={code} className="small muted">
              {t('ladderWarning.no_panel_link_short')}
            </p>
          ) : (
            <p key={code} className="notice notice-warning desk-warning">
              {warningText(t, code)}
            </p>
          ),
        )}
      </td>
    </tr>
  );
}
