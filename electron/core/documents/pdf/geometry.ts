// Where things sit on an A4 page, in PDF points (1 mm = 72 / 25.4 pt).
//
// The address field follows DIN 5008 so the address shows through a standard window envelope:
// - DL (A4 folded in three, DIN 680 window 90 × 45 mm): form B, field 45 mm from the top edge;
// - C5 (A4 folded once): form A, field 27 mm from the top edge.
// The field is 85 × 45 mm, 20 mm from the left edge (window left) or 15 mm from the right edge
// (window right, ending on the right margin). Its first 12.7 mm hold the sender's one-line return
// address; the recipient's name and up to five address lines fill the 27.3 mm below (six lines at
// 12 pt). The letterhead (logo, company, contact) takes the other side of the page.
import type { EnvelopeLayout } from '../model.js';

export const mm = (value: number): number => (value * 72) / 25.4;

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { left: mm(20), right: mm(15), top: mm(15), bottom: mm(22) };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Content never runs below this line: the footer lives under it. */
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;

export const ADDRESS_FIELD = { width: mm(85), height: mm(45), returnZone: mm(12.7), lineHeight: 12, maxLines: 6 };

export interface AddressField {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function addressField(envelope: EnvelopeLayout): AddressField {
  const x = envelope.window === 'left' ? mm(20) : PAGE.width - mm(15) - ADDRESS_FIELD.width;
  const y = envelope.format === 'DL' ? mm(45) : mm(27);
  return { x, y, width: ADDRESS_FIELD.width, height: ADDRESS_FIELD.height };
}

/** Fold marks on the left edge: where the sheet folds for its envelope (DIN 5008). */
export function foldMarks(envelope: EnvelopeLayout): number[] {
  return envelope.format === 'DL' ? [mm(105), mm(210)] : [mm(148.5)];
}

/** The letterhead column: the side of the page away from the window. */
export function letterheadColumn(envelope: EnvelopeLayout): { x: number; width: number } {
  return envelope.window === 'left' ? { x: mm(115), width: PAGE.width - MARGIN.right - mm(115) } : { x: MARGIN.left, width: mm(80) };
}
