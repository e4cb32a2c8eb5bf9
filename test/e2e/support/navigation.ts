// What the left navigation shows in Chinese: every section's label from the catalog, in the
// sections' order. The screens' e2e tests compare the rendered entries (a section's waiting count
// taken off) with it, so a section added without its Chinese label fails them.
import type { Page } from 'playwright-core';
import { SECTIONS } from '../../../renderer/src/app/sections.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';

export const NAV_ZH = SECTIONS.map((section) => zhCN[section.label]);

export async function navEntries(page: Page): Promise<string[]> {
  const texts = await page.getByRole('navigation', { name: '功能区' }).getByRole('link').allInnerTexts();
  // The arrears desk's entry may carry the count of lines waiting for a person.
  return texts.map((text) => text.replace(/\s*\d+$/, ''));
}
