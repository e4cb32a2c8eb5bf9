import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiReference } from '../../../scripts/api-docs.js';
import { methods } from '../../../shared/api/methods.js';

describe('docs/API.md', () => {
  it('is the reference generated from the contract (run `npm run api:docs` after changing shared/api)', () => {
    expect(readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8')).toBe(renderApiReference());
  });

  it('documents every method', () => {
    const text = renderApiReference();
    for (const name of Object.keys(methods)) expect(text).toContain(`### \`${name}\``);
  });
});
