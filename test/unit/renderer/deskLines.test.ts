import { describe, expect, it } from 'vitest';
import type { LadderLineView } from '../../../shared/api/dunning.js';
import { byDate, decidable, filterLines, groupByStep, keepPresent, lineKey, setupNeeds, toggleGroup, totalsByStep, unlinkedPanelLines } from '../../../renderer/src/ladder/deskLines.js';

let n = 0;
function line(over: Partial<LadderLineView>): LadderLineView {
  n += 1;
  return {
    invoiceId: `in_${n}`,
    invoiceNumber: `INV-${String(n).padStart(5, '0')}`,
    clientId: `cl_${n}`,
    clientName: `Client ${n}`,
    policyId: 'dp_1',
    policyName: 'Standard',
    stepKey: 'first_notice',
    stepIndex: 2,
    offsetDays: 1,
    scheduledOn: '2026-11-20',
    status: 'due',
    actions: [{ kind: 'late_fee' }],
    noticeSuperseded: false,
    needsApproval: false,
    catchUp: false,
    resumedFrom: null,
    pauseReasons: [],
    waitsUntil: null,
    suspensionDate: null,
    feeDate: null,
    currency: 'USD',
    openMinor: 1000,
    daysOverdue: 1,
    band: null,
    warnings: [],
    blockedBy: [],
    failures: [],
    ...over,
  };
}

describe('what the book must set up first', () => {
  it('counts the to-do lines waiting for each missing setting, the company name first, and not what catch-up only records', () => {
    const lines = [
      line({ blockedBy: ['email_no_server'] }),
      line({ status: 'failed', blockedBy: ['sms_no_gateway', 'email_no_server'] }),
      line({ status: 'missed', blockedBy: ['company_profile_missing'] }),
      line({ blockedBy: ['company_profile_missing'] }),
      line({}),
    ];
    expect(setupNeeds(lines)).toEqual([
      { problem: 'company_profile_missing', lines: 1 },
      { problem: 'email_no_server', lines: 2 },
      { problem: 'sms_no_gateway', lines: 1 },
    ]);
    expect(setupNeeds([line({})])).toEqual([]);
  });

  it('counts the to-do lines whose panel step has no linked panel account, not what catch-up only records', () => {
    const lines = [
      line({ stepKey: 'restriction', warnings: ['no_panel_link'] }),
      line({ stepKey: 'suspension', status: 'needs_approval', warnings: ['no_email_address', 'no_panel_link'] }),
      line({ stepKey: 'suspension', status: 'superseded', warnings: ['no_panel_link'] }),
      line({ warnings: ['no_email_address'] }),
    ];
    expect(unlinkedPanelLines(lines)).toBe(2);
    expect(unlinkedPanelLines([line({})])).toBe(0);
  });
});

describe('grouping the desk by step', () => {
  it('orders groups by the day most of their lines are on, and lines by days overdue then client', () => {
    const lines = [
      line({ stepKey: 'restriction', stepIndex: 4, offsetDays: 7, daysOverdue: 8, clientName: 'Bea' }),
      line({ stepKey: 'restriction', stepIndex: 4, offsetDays: 7, daysOverdue: 8, clientName: 'Abe' }),
      // A critical client's restriction comes earlier: it stays in the restriction group, which stays after the notice.
      line({ stepKey: 'restriction', stepIndex: 4, offsetDays: 1, daysOverdue: 20, clientName: 'Cy' }),
      line({ stepKey: 'first_notice', stepIndex: 2, offsetDays: 1, daysOverdue: 1 }),
      line({ stepKey: 'reminder_7', stepIndex: 0, offsetDays: -7, daysOverdue: -7 }),
    ];
    const groups = groupByStep(lines);
    expect(groups.map((g) => g.stepKey)).toEqual(['reminder_7', 'first_notice', 'restriction']);
    expect(groups[2]!.lines.map((l) => l.clientName)).toEqual(['Cy', 'Abe', 'Bea']);
    expect(groups[2]!.offsets).toEqual([1, 7]);
  });

  it('filters "to do" without what catch-up only records, by status, and by client or invoice', () => {
    const lines = [line({ status: 'missed', clientName: 'Zhang Wei' }), line({ status: 'needs_approval', clientName: '卡尔云测试' }), line({ status: 'failed' }), line({ status: 'superseded' })];
    expect(filterLines(lines, 'todo', '').map((l) => l.status)).toEqual(['needs_approval', 'failed']);
    expect(filterLines(lines, 'all', '')).toHaveLength(4);
    expect(filterLines(lines, 'attention', '').map((l) => l.status)).toEqual(['needs_approval', 'failed']);
    expect(filterLines(lines, 'missed', 'zhang')).toHaveLength(1);
    expect(filterLines(lines, 'all', '测试')).toHaveLength(1);
    expect(filterLines(lines, 'all', lines[2]!.invoiceNumber.toLowerCase())).toEqual([lines[2]]);
  });
});

describe('selection and decisions', () => {
  it('selects a whole group, or clears it when all of it was selected', () => {
    const group = groupByStep([line({}), line({})])[0]!;
    const keys = group.lines.map(lineKey);
    const all = toggleGroup(new Set([keys[0]!]), group);
    expect([...all].sort()).toEqual([...keys].sort());
    expect(toggleGroup(all, group).size).toBe(0);
  });

  it('drops selected lines that left the desk', () => {
    const kept = line({});
    expect([...keepPresent(new Set([lineKey(kept), 'in_gone|first_notice']), [kept])]).toEqual([lineKey(kept)]);
  });

  it('sends each decision only the lines it applies to', () => {
    const lines = [line({ status: 'needs_approval' }), line({ status: 'due' }), line({ status: 'missed' }), line({ status: 'paused' })];
    expect(decidable(lines, 'approve').map((l) => l.status)).toEqual(['needs_approval']);
    expect(decidable(lines, 'skip').map((l) => l.status)).toEqual(['needs_approval', 'due', 'paused']);
    expect(decidable(lines, 'postpone').map((l) => l.status)).toEqual(['needs_approval', 'due']);
  });
});

describe('the forecast', () => {
  it('totals lines and open amounts per step and currency, and lists days in order', () => {
    const lines = [line({ openMinor: 500 }), line({ openMinor: 700 }), line({ currency: 'CNY', openMinor: 9900 }), line({ stepKey: 'final_notice', stepIndex: 5, offsetDays: 10 })];
    expect(totalsByStep(lines).map(({ stepKey, count, openByCurrency }) => ({ stepKey, count, openByCurrency }))).toEqual([
      { stepKey: 'first_notice', count: 3, openByCurrency: { USD: 1200, CNY: 9900 } },
      { stepKey: 'final_notice', count: 1, openByCurrency: { USD: 1000 } },
    ]);
    expect(byDate([{ date: '2026-12-02' }, { date: '2026-11-30' }, { date: '2026-12-02' }]).map((d) => [d.date, d.entries.length])).toEqual([
      ['2026-11-30', 1],
      ['2026-12-02', 2],
    ]);
  });
});
