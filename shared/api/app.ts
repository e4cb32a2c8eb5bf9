// Operations about the app itself rather than the books.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { LANGUAGES } from '../domain/language.js';

export const THEMES = ['system', 'light', 'dark'] as const;

/** What the screens may read and change of the per-user preferences (DESIGN §3). */
export const uiPreferences = z.object({
  language: z.enum(LANGUAGES).nullable(),
  theme: z.enum(THEMES),
});
export type UiPreferences = z.infer<typeof uiPreferences>;

export const appMethods = {
  'app.info': defineMethod({
    summary: 'Version, data folder and schema version of the running backend.',
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      timeZone: z.string(),
      today: z.string(),
    }),
  }),
  'preferences.get': defineMethod({
    summary: "The user's interface preferences (language and theme).",
    input: z.strictObject({}),
    output: uiPreferences,
  }),
  'preferences.update': defineMethod({
    summary: 'Change interface preferences; fields left out stay as they are.',
    input: z.strictObject({
      language: z.enum(LANGUAGES).nullable().optional(),
      theme: z.enum(THEMES).optional(),
    }),
    output: uiPreferences,
  }),
};
