// A table that stays smooth at 100,000 rows: only the rows in view (and a few either side) are in
// the page; empty spacer rows above and below keep the scroll bar true. Rows are measured as they
// render, so a row whose tags wrap is not cut off. When the user scrolls near the last row loaded,
// the table asks for the next page.
//
// The spacers' heights change with every scroll, so they cannot be classes. They are handed to the
// stylesheet as custom properties set through the CSSOM (which the CSP's style-src allows, unlike
// style attributes in markup), and styles.css sizes the spacers from them.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { VirtualSpace } from './VirtualSpace.js';

/** How many rows before the end of what is loaded the next page is fetched: before the user gets there. */
const FETCH_AHEAD_ROWS = 20;

interface VirtualTableProps<T> {
  caption: string;
  className: string;
  /** The header cells (`<th scope="col">`), one per column. */
  columns: ReactNode;
  columnCount: number;
  items: readonly T[];
  rowKey: (item: T) => string;
  /** The cells of one row. */
  renderRow: (item: T) => ReactNode;
  /** Opens the item; a read-only list (the ledger) has none. */
  onRowClick?: (item: T) => void;
  /** Typical row height in pixels, for the scroll bar before rows are measured. */
  rowHeight: number;
  /** Whether more rows can be fetched (there is a next page, and the last attempt did not fail). */
  canLoadMore: boolean;
  /** Asked for the next page; a list loaded whole has none. */
  onNearEnd?: () => void;
  busy: boolean;
}

export function VirtualTable<T>({ caption, className, columns, columnCount, items, rowKey, renderRow, onRowClick, rowHeight, canLoadMore, onNearEnd, busy }: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  // TanStack Virtual keeps its own mutable state and re-renders through its own hook, which is
  // what this table needs; nothing here memoizes its results.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => rowKey(items[index]!),
  });
  const rows = virtualizer.getVirtualItems();
  const before = rows.length > 0 ? rows[0]!.start : 0;
  const after = rows.length > 0 ? virtualizer.getTotalSize() - rows[rows.length - 1]!.end : 0;

  useLayoutEffect(() => {
    body.current?.style.setProperty('--space-before', `${before}px`);
    body.current?.style.setProperty('--space-after', `${after}px`);
  }, [before, after]);

  const lastShown = rows.length > 0 ? rows[rows.length - 1]!.index : -1;
  useEffect(() => {
    if (canLoadMore && lastShown >= items.length - FETCH_AHEAD_ROWS) onNearEnd?.();
  }, [canLoadMore, lastShown, items.length, onNearEnd]);

  return (
    <div className="table-scroll" ref={scroller}>
      {/* aria-rowcount -1: the total is not known until the last page has been fetched. */}
      <table className={`data-table ${className}`} aria-rowcount={canLoadMore ? -1 : items.length + 1} aria-busy={busy}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>{columns}</tr>
        </thead>
        <tbody ref={body}>
          {before > 0 && <VirtualSpace where="before" columns={columnCount} />}
          {rows.map((row) => {
            const item = items[row.index]!;
            return (
              // The whole row opens the item for the mouse; the link or button in its first cell is
              // the keyboard's way in. A click on any link or button does only what that control
              // does (a client's name in the contracts list opens the client, not the contract).
              <tr
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                aria-rowindex={row.index + 2}
                className={onRowClick ? 'clickable-row' : undefined}
                onClick={(event) => {
                  if (onRowClick && !(event.target instanceof Element && event.target.closest('a, button'))) onRowClick(item);
                }}
              >
                {renderRow(item)}
              </tr>
            );
          })}
          {after > 0 && <VirtualSpace where="after" columns={columnCount} />}
        </tbody>
      </table>
    </div>
  );
}
