// File names for saved documents: what a reseller would type, and safe on every system — the
// number or kind, the client and the date, with characters that Windows, macOS or Linux refuse in
// a file name replaced. Chinese names stay as they are. Pure, unit-tested.

/** Characters no file name may hold on one system or another, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
const LONGEST_PART = 60;

/** One part of a name: unsafe runs become "-", spaces collapse, and no dot or dash at either end. */
export function fileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LONGEST_PART)
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  return cleaned;
}

/** `INV-2026-00042 Lotus Web Studio.pdf`; parts that come out empty are left out. */
export function documentFileName(parts: readonly (string | null | undefined)[], extension: 'pdf' | 'csv'): string {
  const name = parts
    .map((part) => fileNamePart(part ?? ''))
    .filter(Boolean)
    .join(' ');
  return `${name || 'document'}.${extension}`;
}
