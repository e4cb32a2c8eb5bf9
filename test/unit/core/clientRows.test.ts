// How the client import reads the words other systems use for a billing cycle and a service.
import { describe, expect, it } from 'vitest';
import { parseCycle, parseKind } from '../../../electron/core/clientImport/clientRows.js';

describe('client import words', () => {
  it('reads WHMCS, Blesta and Chinese billing cycles, and refuses what is no cycle', () => {
    expect(['Monthly', '1 Month', 'Quarterly', '3 months', 'Semi-Annually', 'Annually', '1 Year', '12 months', 'Biennially', '2 Years', '年付', '两年付', 'annual'].map(parseCycle)).toEqual([
      'monthly', 'monthly', 'quarterly', 'quarterly', 'semiannual', 'annual', 'annual', 'annual', 'biennial', 'biennial', 'annual', 'biennial', 'annual',
    ]);
    expect(parseCycle('Weekly')).toBeNull();
    expect(parseCycle('Free Account')).toBeNull();
  });

  it('reads kinds of service from product types and words', () => {
    expect(['hostingaccount', 'reselleraccount', 'server', 'Dedicated Server', 'domain', 'SSL Certificate', '虚拟主机', '域名', 'vps'].map(parseKind)).toEqual([
      'shared_hosting', 'reseller_hosting', 'vps', 'dedicated_server', 'domain', 'ssl_certificate', 'shared_hosting', 'domain', 'vps',
    ]);
    expect(parseKind('coffee')).toBeNull();
  });
});
