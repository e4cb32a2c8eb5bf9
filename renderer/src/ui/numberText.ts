// Quantities and percentages typed by a person, read digit by digit into the integers the backend
// keeps (thousandths of a unit, basis points of a percent) — never through a float. Pure.

export type NumberReading = { state: 'empty' } | { state: 'invalid' } | { state: 'value'; value: number };

/** A decimal with at most `decimals` digits after the point, as an integer scaled by 10^decimals. */
function readScaled(text: string, decimals: number): NumberReading {
  const trimmed = text.trim();
  if (trimmed === '') return { state: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[2] ?? '').length > decimals) return { state: 'invalid' };
  const value = Number(match[1]) * 10 ** decimals + Number((match[2] ?? '').padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(value) ? { state: 'value', value } : { state: 'invalid' };
}

/** The text of a scaled integer, without trailing zeros: 12500 (×1000) → "12.5". */
function scaledText(value: number, decimals: number): string {
  const whole = Math.trunc(value / 10 ** decimals);
  const fraction = String(value % 10 ** decimals).padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** "1", "12.5", "0.25" → thousandths (1000, 12500, 250); a quantity must be more than nothing. */
export function readQuantity(text: string): NumberReading {
  const reading = readScaled(text, 3);
  return reading.state === 'value' && reading.value === 0 ? { state: 'invalid' } : reading;
}

export const quantityText = (milli: number): string => scaledText(milli, 3);

/** "6", "13.5", "0.25" (percent) → basis points (600, 1350, 25); at most 100 %. */
export function readPercent(text: string): NumberReading {
  const reading = readScaled(text.replace(/%\s*$/, ''), 2);
  return reading.state === 'value' && reading.value > 10_000 ? { state: 'invalid' } : reading;
}

/** Basis points as a percent box shows them: 1350 → "13.5". */
export const percentText = (bp: number): string => scaledText(bp, 2);

/** Basis points for people: "13.5%" / "13.5%", "0%". */
export const formatPercent = (bp: number, language: string): string =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);

/** A quantity for people: "12.5", "1,000". */
export const formatQuantity = (milli: number, language: string): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(milli / 1000);

/** A whole number of days or the like: "14" → 14. */
export const readWholeNumber = (text: string): NumberReading => readScaled(text, 0);
