// What the Exports screen sends: last month by default, no folder for a download, and the words
// for a refused folder.
import { describe, expect, it } from 'vitest';
import { folderInput, folderProblem, lastMonth } from '../../../renderer/src/exports/exportRequest.js';

describe('the Exports screen’s request', () => {
  it('defaults to last month, also across a year', () => {
    expect(lastMonth('2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastMonth('2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('sends no folder for a download and names a refused folder', () => {
    expect(folderInput('  ')).toEqual({});
    expect(folderInput(' /home/me/books ')).toEqual({ folder: '/home/me/books' });
    expect(folderProblem({ code: 'invalid_input', message: 'x', details: { fields: [{ field: 'folder', code: 'not_allowed', message: 'x' }] } })).toBe('exports.folder.not_allowed');
    expect(folderProblem({ code: 'invalid_input', message: 'x', details: { fields: [{ field: 'to', code: 'date_order', message: 'x' }] } })).toBeNull();
    expect(folderProblem(null)).toBeNull();
  });
});
