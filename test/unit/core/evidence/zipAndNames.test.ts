// The evidence ZIP is the same bytes for the same files whatever the machine's time zone (its
// entries are dated in DOS time built from the bundle's last day), and its file name is safe on
// every system.
import { afterEach, describe, expect, it } from 'vitest';
import { bundleFileName } from '../../../../electron/core/evidence/bundle.js';
import { zipFiles } from '../../../../electron/core/evidence/zipFile.js';

const files = [
  { path: 'README.txt', bytes: Buffer.from('证据包\r\n', 'utf8') },
  { path: 'csv/invoices.csv', bytes: Buffer.from('\ufeffid,total_minor\ninv_1,100\n', 'utf8') },
];
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the evidence ZIP', () => {
  it('is the same bytes in any time zone, and changes with the day it covers', async () => {
    process.env.TZ = 'UTC';
    const utc = await zipFiles(files, '2026-11-26');
    process.env.TZ = 'Asia/Shanghai';
    const shanghai = await zipFiles(files, '2026-11-26');
    process.env.TZ = 'America/Los_Angeles';
    const losAngeles = await zipFiles(files, '2026-11-26');
    expect(shanghai.equals(utc)).toBe(true);
    expect(losAngeles.equals(utc)).toBe(true);
    expect((await zipFiles(files, '2026-11-27')).equals(utc)).toBe(false);
  });

  it('is named after the client and the day, without characters a file system refuses', () => {
    expect(bundleFileName('Acme Web', '2026-11-26')).toBe('Evidence Acme Web 2026-11-26.zip');
    expect(bundleFileName('A/B: "C"?', '2026-11-26')).toBe('Evidence A-B- -C 2026-11-26.zip');
    expect(bundleFileName('张伟科技有限公司', '2026-11-26')).toBe('Evidence 张伟科技有限公司 2026-11-26.zip');
    expect(bundleFileName('...', '2026-11-26')).toBe('Evidence client 2026-11-26.zip');
  });
});
