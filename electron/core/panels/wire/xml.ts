// XML for the panels that answer in it (Plesk's packets, SolusVM's root-less fragments). Values
// stay strings (a plan GUID or "0016" must not become a number), and anything that does not parse
// is null, so the adapter reports a malformed answer instead of guessing.
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, processEntities: true, isArray: (name) => name === 'result' });

export function parseXml(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = parser.parse(text, true);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Escapes text for an element's content. */
export const xmlText = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
