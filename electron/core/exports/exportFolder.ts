// Where an export may be written: a folder that exists, given in full, inside the user's home
// folder, the system's temporary folder or the book's data folder. A script (or a compromised
// window) cannot have the app write accounting files over system folders or other users' files.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import type { FieldErrorCode } from '../../../shared/validation/fieldErrors.js';
import { invalidField } from '../errors.js';

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const realOrSelf = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** The folder's real path, or invalid_input naming `folder` with the reason. */
export function exportFolder(folder: string, dataDir: string): string {
  const refuse = (code: FieldErrorCode, message: string) => invalidField({ field: 'folder', code, message });
  if (!isAbsolute(folder) || folder.split(/[\\/]/).includes('..')) throw refuse('invalid', 'Give the full path of the folder, without "..".');
  let real: string;
  try {
    real = realpathSync(folder);
    if (!statSync(real).isDirectory()) throw refuse('unknown_reference', 'That is a file, not a folder.');
  } catch (error) {
    if (error instanceof Error && error.name === 'ApiError') throw error;
    throw refuse('unknown_reference', 'That folder does not exist.');
  }
  const roots = [homedir(), tmpdir(), dataDir].map(realOrSelf);
  if (!roots.some((root) => inside(root, real))) throw refuse('not_allowed', 'Exports go into your home folder, the temporary folder or the book’s folder: choose a folder there.');
  try {
    accessSync(real, constants.W_OK);
  } catch {
    throw refuse('not_allowed', 'HostLedger may not write into that folder.');
  }
  return real;
}
