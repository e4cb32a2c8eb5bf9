// Tables that flow: a row that does not fit starts a new page, and the header row is drawn again
// at the top of it. Cells wrap inside their column; amounts are right-aligned.
import { CONTENT_BOTTOM, MARGIN, mm } from './geometry.js';
import { MUTED, RULE, SHADE, type Sheet, type TextStyle } from './sheet.js';

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const PAD = mm(1.3);
const BODY: TextStyle = { size: 8.5 };
const HEAD: TextStyle = { size: 8, bold: true, color: MUTED };

function rowHeight(sheet: Sheet, cells: readonly string[], columns: readonly Column[], style: TextStyle): number {
  let tallest = 0;
  cells.forEach((cell, i) => {
    tallest = Math.max(tallest, sheet.height(cell, columns[i].width - 2 * PAD, style, 1));
  });
  return tallest + 2 * PAD;
}

function drawRow(sheet: Sheet, cells: readonly string[], columns: readonly Column[], style: TextStyle, height: number): void {
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    sheet.block(cell, x + PAD, sheet.y + PAD, columns[i].width - 2 * PAD, style, { align: columns[i].align, lineGap: 1 });
    x += columns[i].width;
  });
  sheet.y += height;
}

function header(sheet: Sheet, columns: readonly Column[]): void {
  const cells = columns.map((column) => column.header);
  const height = rowHeight(sheet, cells, columns, HEAD);
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  sheet.doc.save().rect(MARGIN.left, sheet.y, width, height).fillColor(SHADE).fill().restore();
  drawRow(sheet, cells, columns, HEAD, height);
}

/** Draws the table at the flow position; `rows` are already cleaned texts. */
export function flowTable(sheet: Sheet, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const heights = rows.map((row) => rowHeight(sheet, row, columns, BODY));
  // Keep the header with at least the first row.
  sheet.ensure(rowHeight(sheet, columns.map((c) => c.header), columns, HEAD) + (heights[0] ?? 0));
  header(sheet, columns);
  rows.forEach((row, i) => {
    if (sheet.y + heights[i] > CONTENT_BOTTOM) {
      sheet.newPage();
      header(sheet, columns);
    }
    drawRow(sheet, row, columns, BODY, heights[i]);
    sheet.rule(MARGIN.left, MARGIN.left + width, sheet.y, RULE, 0.4);
  });
  sheet.y += mm(3);
}
