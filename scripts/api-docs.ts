// Generates docs/API.md from the contract in shared/api, so the reference power users script
// against can never drift from the code (test/unit/shared/apiReference.test.ts checks it).
// Run: npm run api:docs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ERROR_CODES } from '../shared/api/envelope.js';
import { eventSchemas } from '../shared/api/events.js';
import { methods } from '../shared/api/methods.js';

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  default?: unknown;
};

function typeOf(schema: Schema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
  if (schema.type === 'object') return 'object';
  if (Array.isArray(schema.type)) return schema.type.join(' \\| ');
  return schema.type ?? 'any';
}

function limitsOf(schema: Schema): string {
  const parts: string[] = [];
  const inner = schema.anyOf?.find((s) => s.type !== 'null') ?? schema;
  if (inner.minLength !== undefined) parts.push(`min ${String(inner.minLength)} chars`);
  if (inner.maxLength !== undefined) parts.push(`max ${String(inner.maxLength)} chars`);
  if (inner.maxItems !== undefined) parts.push(`max ${String(inner.maxItems)} items`);
  if (typeof schema.description === 'string') parts.push(schema.description);
  else if (typeof inner.description === 'string') parts.push(inner.description);
  if (inner.minimum !== undefined && Number(inner.minimum) > -(2 ** 53 - 1)) parts.push(`≥ ${String(inner.minimum)}`);
  if (inner.maximum !== undefined && Number(inner.maximum) < 2 ** 53 - 1) parts.push(`≤ ${String(inner.maximum)}`);
  if (inner.pattern !== undefined) parts.push(`pattern \`${String(inner.pattern)}\``);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function fieldRows(schema: Schema, prefix = ''): string[] {
  const rows: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push(`| \`${path}\` | ${typeOf(field)} | ${required.has(name) ? 'yes' : ''} | ${limitsOf(field)} |`);
    const nested = field.anyOf?.find((s) => s.type === 'object') ?? (field.type === 'object' ? field : undefined);
    if (nested) rows.push(...fieldRows(nested, `${path}.`));
  }
  return rows;
}

function table(schema: Schema): string {
  const rows = fieldRows(schema);
  if (rows.length === 0) return '_No fields._';
  return ['| field | type | required | limits |', '|---|---|---|---|', ...rows].join('\n');
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;

export function renderApiReference(): string {
  const out: string[] = [
    '# HostLedger API reference',
    '',
    '_Generated from `shared/api` by `npm run api:docs`; do not edit by hand._',
    '',
    'Every operation is one call: in the desktop app `window.hostledger.call(method, input)`; in browser mode',
    '`POST /api/<method>` with a JSON body and `Authorization: Bearer TOKEN` (the token is in the link',
    '`npm run web` prints). The answer is always an envelope: `{ "ok": true, "value": … }` or',
    '`{ "ok": false, "error": { "code", "message", "details"? } }`. Input is validated strictly: unknown',
    'fields are rejected, and `details.fields` names every field that is wrong (`field`, `code`, `message`).',
    '',
    `Error codes: ${ERROR_CODES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    '## Methods',
    '',
  ];
  for (const [name, spec] of Object.entries(methods)) {
    out.push(`### \`${name}\``, '', spec.summary, '', '**Input**', '', table(jsonSchema(spec.input, 'input')), '', '**Output**', '');
    const output = jsonSchema(spec.output, 'output');
    out.push(output.properties ? table(output) : `\`${typeOf(output)}\``, '');
  }
  out.push('## Events', '', 'Pushed to every open window (browser mode: `GET /api/events`, server-sent events, one `data: {"name", "payload"}` per event).', '');
  for (const [name, schema] of Object.entries(eventSchemas)) {
    out.push(`### \`${name}\``, '', table(jsonSchema(schema, 'output')), '');
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('../docs/API.md', import.meta.url));
  writeFileSync(target, renderApiReference());
  console.log(`wrote ${target}`);
}
