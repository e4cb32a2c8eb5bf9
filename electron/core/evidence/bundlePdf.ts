// The evidence bundle's PDF, laid out with the documents layer's fonts (Noto Sans SC, so Chinese
// prints), letterhead, flowing tables and footers: a cover (who, which period, when made, the
// audit chain's verification, the ZIP's files with their SHA-256), then the chronology, contract
// terms, invoices, payments, notices with proof of sending, panel actions, ladder steps and the
// disputes. Its dates come from the request (never the clock), so the same books give the same bytes.
import type { Language } from '../../../shared/domain/language.js';
import { formatAmount } from '../../../shared/documents/wording.js';
import { term, type TermGroup } from '../../../shared/evidence/terms.js';
import { evidenceWord, isEvidenceWordKey, type EvidenceWordKey } from '../../../shared/evidence/wording.js';
import { labelsFor, type Letterhead } from '../documents/builders/common.js';
import { recipientOf } from '../documents/builders/common.js';
import type { PageFrame } from '../documents/model.js';
import { loadFonts } from '../documents/pdf/fonts.js';
import { CONTENT_WIDTH, MARGIN, mm } from '../documents/pdf/geometry.js';
import { firstPageHead, footers } from '../documents/pdf/letterhead.js';
import { finish } from '../documents/pdf/renderDocument.js';
import { MUTED, newPdf, Sheet, type TextStyle } from '../documents/pdf/sheet.js';
import { flowTable, type Column } from '../documents/pdf/tables.js';
import { WarningList } from '../documents/pdf/warnings.js';
import { chronology, hashPrefix, instantText } from './chronology.js';
import type { DisputeRecord, EvidenceBook } from './gather.js';

export interface ListedFile {
  path: string;
  size: number;
  sha256: string;
}

export interface AuditResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

export interface BundlePdfInput {
  book: EvidenceBook;
  language: Language;
  head: Letterhead;
  /** The files of the ZIP other than this PDF and the manifest. */
  files: ListedFile[];
  audit: AuditResult;
  counts: Record<string, number>;
  dispute: DisputeRecord | null;
}

/** How many parts the PDF reports as laid out: the cover, the eight sections, the dispute. */
export const PDF_PARTS = 10;

const ALERT = '#a12622';
const TEXT: TextStyle = { size: 9 };

export async function renderBundlePdf(input: BundlePdfInput, laidOut: (parts: number) => void = () => {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const { book, language } = input;
  let parts = 0;
  const partDone = () => laidOut((parts += 1));
  const w = (key: EvidenceWordKey, params: Record<string, string | number> = {}) => evidenceWord(language, key, params);
  const money = (minor: number, currency: string) => formatAmount(language, minor, currency);
  const say = (group: TermGroup, code: string) => term(language, group, code);
  const frame: PageFrame = { company: input.head.company, envelope: input.head.envelope, recipient: recipientOf(book.client), title: w('title', { client: book.client.name }) };
  const doc = newPdf({ title: frame.title, author: frame.company.name, language, date: new Date(book.asOf.at) });
  const sheet = new Sheet(doc, loadFonts(), new WarningList(), labelsFor(language), language);
  const clean = (text: string) => sheet.clean(text, 'evidence');

  const heading = (key: EvidenceWordKey) => {
    sheet.ensure(60);
    sheet.y += mm(2);
    sheet.line(clean(w(key)), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 12.5, bold: true });
    sheet.y += 20;
  };
  const none = () => {
    sheet.paragraph(clean(w('section.none')), { size: 9, color: MUTED });
    sheet.y += mm(3);
  };
  const table = (columns: Array<[EvidenceWordKey, number, ('left' | 'right')?]>, rows: string[][]) => {
    if (rows.length === 0) return none();
    const laid: Column[] = columns.map(([key, width, align]) => ({ header: clean(w(key)), width: mm(width), align }));
    flowTable(sheet, laid, rows.map((row) => row.map(clean)), () => 'evidence');
  };
  const facts = (rows: Array<[string, string]>, labelWidth = mm(42)) => {
    for (const [label, value] of rows) {
      const height = sheet.height(clean(value), CONTENT_WIDTH - labelWidth, TEXT, 1);
      sheet.ensure(height + 4);
      sheet.line(clean(label), MARGIN.left, sheet.y, labelWidth - mm(2), { size: 9, color: MUTED });
      sheet.block(clean(value), MARGIN.left + labelWidth, sheet.y, CONTENT_WIDTH - labelWidth, TEXT, { lineGap: 1 });
      sheet.y += height + 4;
    }
  };

  // Cover.
  sheet.newPage();
  sheet.y = firstPageHead(sheet, frame);
  sheet.line(clean(frame.title), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 15, bold: true });
  sheet.y += 22;
  sheet.paragraph(clean(w('subtitle', { company: frame.company.name })), { size: 9, color: MUTED });
  sheet.y += mm(3);
  const client = book.client;
  const contact = [client.email, client.phone].filter((part): part is string => Boolean(part)).join(' · ');
  facts([
    [w('cover.client'), [client.name, client.company].filter(Boolean).join(' · ')],
    [w('cover.clientId'), client.id],
    ...(contact ? [[w('cover.contact'), contact] as [string, string]] : []),
    [w('cover.period'), w('cover.periodText', { from: book.from, through: book.through })],
    [w('cover.asOf'), w('cover.asOfText', { seq: book.asOf.seq, at: instantText(book.asOf.at) })],
    [w('cover.language'), w('cover.languageText')],
    ...(input.dispute
      ? [[w('cover.dispute'), w('cover.disputeText', { number: input.dispute.invoiceNumber, date: input.dispute.openedDate, reason: input.dispute.reason })] as [string, string]]
      : []),
    [w('cover.counts'), w('cover.countsText', input.counts)],
  ]);
  // The verification line stands out: a broken chain is the first thing a reader must see.
  const colon = language === 'zh-CN' ? '：' : ': ';
  const auditText = `${w('cover.audit')}${colon}${input.audit.ok ? w('cover.auditYes', { checked: input.audit.checked }) : w('cover.auditNo', { brokenAt: input.audit.brokenAt ?? 0, checked: input.audit.checked })}`;
  sheet.y += mm(2);
  sheet.paragraph(clean(auditText), { size: 10, bold: true, color: input.audit.ok ? '#1d6b35' : ALERT });
  sheet.y += mm(4);

  sheet.ensure(60);
  sheet.line(clean(w('cover.files')), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 11, bold: true });
  sheet.y += 16;
  sheet.paragraph(clean(w('cover.filesNote')), { size: 8, color: MUTED });
  sheet.y += 3;
  // One line a file, the full hash unbroken: a reader compares it character by character.
  const small: TextStyle = { size: 6.8 };
  const pathWidth = mm(62);
  const sizeWidth = mm(16);
  const hashX = MARGIN.left + pathWidth + sizeWidth + mm(3);
  const fileRow = (path: string, size: string, hash: string, style: TextStyle) => {
    sheet.ensure(10);
    sheet.line(clean(path), MARGIN.left, sheet.y, pathWidth - mm(1), style, { field: 'evidence' });
    sheet.line(size, MARGIN.left + pathWidth, sheet.y, sizeWidth, style, { align: 'right' });
    sheet.line(hash, hashX, sheet.y, MARGIN.left + CONTENT_WIDTH - hashX, style);
    sheet.y += 9.5;
  };
  fileRow(w('cover.file'), w('cover.size'), w('cover.sha256'), { ...small, bold: true, color: MUTED });
  for (const file of input.files) fileRow(file.path, String(file.size), file.sha256, small);

  partDone();
  // Chronology.
  sheet.newPage();
  heading('section.chronology');
  table(
    [
      ['col.date', 33],
      ['col.what', 60],
      ['col.amount', 23, 'right'],
      ['col.channel', 16],
      ['col.status', 19],
      ['col.hash', 24],
    ],
    chronology(book, language).map((e) => [e.when, e.what, e.amount, e.channel, e.status, e.hash]),
  );

  partDone();
  // Contracts and their terms.
  heading('section.contracts');
  if (book.contracts.length === 0) none();
  for (const c of book.contracts) {
    sheet.ensure(80);
    sheet.line(clean(c.label), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 10.5, bold: true });
    sheet.y += 15;
    facts([
      [w('col.kind'), w('contract.facts', { kind: c.planName ? `${say('serviceKind', c.kind)} (${c.planName})` : say('serviceKind', c.kind), price: money(c.priceMinor, c.currency), cycle: say('cycle', c.cycle), start: c.startDate })],
      [w('contract.signed'), c.signedDate ?? w('none')],
      [w('contract.termsVersion'), c.termsVersion ?? w('none')],
      [w('contract.status'), c.endReason ? `${say('contractStatus', c.status)} – ${c.endReason}` : say('contractStatus', c.status)],
      ...(c.panelAccount ? [[w('col.account'), `${c.panelKind}: ${c.panelAccount}`] as [string, string]] : []),
    ]);
    if (c.termsText && c.termsText.trim() !== '') sheet.paragraph(clean(c.termsText), { size: 8.5 }, { lineGap: 1.5 });
    else sheet.paragraph(clean(w('contract.noTerms')), { size: 8.5, color: MUTED });
    sheet.y += mm(2);
    table(
      [
        ['col.date', 32],
        ['col.from', 22],
        ['col.to', 22],
        ['col.reason', 69],
        ['col.by', 30],
      ],
      c.history.map((h) => [instantText(h.at), h.from ? say('contractStatus', h.from) : w('none'), say('contractStatus', h.to), h.reason ?? '', h.actor]),
    );
  }

  partDone();
  // Invoices and credit notes, with what they add up to per currency.
  heading('section.invoices');
  table(
    [
      ['col.number', 32],
      ['col.kind', 22],
      ['col.issued', 22],
      ['col.due', 22],
      ['col.total', 27, 'right'],
      ['col.open', 27, 'right'],
      ['col.status', 23],
    ],
    book.invoices.map((i) => [
      i.number,
      i.source === 'late_fee' ? w('invoice.lateFee', { kind: say('invoiceKind', i.kind) }) : say('invoiceKind', i.kind),
      i.issueDate,
      i.dueDate,
      money(i.totalMinor, i.currency),
      money(i.openMinor, i.currency),
      i.disputed ? w('invoice.disputed', { status: say('state', i.status) }) : say('state', i.status),
    ]),
  );
  for (const currency of [...new Set(book.invoices.map((i) => i.currency))].sort()) {
    const live = book.invoices.filter((i) => i.currency === currency && i.status === 'issued');
    const sum = (items: typeof live) => items.reduce((total, i) => total + i.totalMinor, 0);
    const paid = book.payments.filter((x) => x.currency === currency).flatMap((x) => x.allocations.filter((a) => a.reversedDate === null)).reduce((total, a) => total + a.amountMinor, 0);
    sheet.paragraph(
      clean(
        w('invoices.total', {
          total: money(sum(live.filter((i) => i.kind !== 'credit_note')), currency),
          credited: money(sum(live.filter((i) => i.kind === 'credit_note')), currency),
          paid: money(paid, currency),
          open: money(live.filter((i) => i.kind !== 'credit_note').reduce((total, i) => total + i.openMinor, 0), currency),
        }),
      ),
      { size: 9, bold: true },
    );
    sheet.y += mm(2);
  }

  partDone();
  heading('section.payments');
  table(
    [
      ['col.date', 22],
      ['col.amount', 26, 'right'],
      ['col.method', 24],
      ['col.reference', 30],
      ['col.status', 22],
      ['col.appliedTo', 51],
    ],
    book.payments.map((x) => {
      const method = `method.${x.method}`;
      return [
        x.date,
        money(x.amountMinor, x.currency),
        isEvidenceWordKey(method) ? w(method) : x.method,
        x.reference ?? '',
        x.status === 'bounced' ? w('payment.bounced', { status: say('paymentStatus', 'bounced'), date: x.bouncedDate ?? '' }) : say('paymentStatus', x.status),
        x.allocations
          .map((a) => {
            const applied = `${a.invoiceNumber} ${money(a.amountMinor, x.currency)}`;
            return a.reversedDate ? w('payment.reversed', { applied, date: a.reversedDate }) : applied;
          })
          .join('\n'),
      ];
    }),
  );

  partDone();
  heading('section.notices');
  const documentHash = new Map(book.documents.map((d) => [d.id, d.sha256]));
  table(
    [
      ['col.sentAt', 27],
      ['col.what', 39],
      ['col.channel', 17],
      ['col.recipient', 32],
      ['col.status', 16],
      ['col.proof', 44],
    ],
    book.communications.map((c) => {
      const proofs: string[] = [];
      if (c.messageState === 'failed' || c.status === 'failed' || c.status === 'bounced') proofs.push(w('proof.failed', { reason: c.lastError ?? c.detail ?? c.status }));
      if (c.providerAnswer) proofs.push(w('proof.message', { answer: c.providerAnswer }));
      if (c.messageId) proofs.push(w('proof.messageId', { id: c.messageId }));
      if (c.documentId) proofs.push(w('proof.document', { hash: hashPrefix(documentHash.get(c.documentId) ?? c.contentSha256) }));
      if (c.detail && !proofs.some((proof) => proof.includes(c.detail!))) proofs.push(c.detail);
      return [instantText(c.sentAt ?? c.at), `${say('documentKind', c.kind)}: ${c.subject}`, say('channel', c.channel), c.recipient, say('state', c.status), proofs.length > 0 ? proofs.join('\n') : w('proof.none')];
    }),
  );

  partDone();
  heading('section.panel');
  table(
    [
      ['col.requested', 28],
      ['col.kind', 27],
      ['col.account', 27],
      ['col.status', 18],
      ['col.approved', 28],
      ['col.finished', 22],
      ['col.answer', 25],
    ],
    book.panelActions.map((a) => [
      `${instantText(a.createdAt)}\n${a.requestedBy}`,
      a.dryRun ? w('panel.dryRun', { kind: say('actionKind', a.kind) }) : say('actionKind', a.kind),
      `${a.account}\n${a.contractLabel}`,
      say('actionState', a.state),
      a.approvedAt ? `${a.approvedBy ?? ''}\n${instantText(a.approvedAt)}` : '',
      a.finishedAt ? instantText(a.finishedAt) : '',
      a.errorMessage ?? a.answer ?? '',
    ]),
  );

  partDone();
  heading('section.ladder');
  table(
    [
      ['col.scheduled', 22],
      ['col.number', 28],
      ['col.step', 30],
      ['col.status', 20],
      ['col.finished', 22],
      ['col.decided', 28],
      ['col.reason', 25],
    ],
    book.rungs.map((r) => [
      r.scheduledOn,
      r.invoiceNumber,
      r.catchUp ? w('ladder.catchUp', { step: say('step', r.stepKey) }) : say('step', r.stepKey),
      say('state', r.state), r.doneOn ?? '', r.decidedBy ? `${r.decidedBy}${r.decidedAt ? `\n${instantText(r.decidedAt)}` : ''}` : '', r.reason ?? r.lastError ?? '']),
  );

  partDone();
  heading('section.disputes');
  table(
    [
      ['col.date', 22],
      ['col.number', 28],
      ['col.reason', 50],
      ['col.status', 20],
      ['col.finished', 22],
      ['col.decided', 33],
    ],
    [
      ...book.disputes.map((d) => [d.openedDate, d.invoiceNumber, d.reason, say('disputeStatus', d.status), d.resolvedDate ?? '', [d.resolution, d.creditNoteNumber].filter(Boolean).join('\n')]),
      ...book.plans.map((x) => [x.createdDate, '', w('event.plan', { count: x.installments.length }), say('state', x.status), x.closedDate ?? '', x.installments.map((i) => `${i.dueDate} ${money(i.amountMinor, x.currency)}`).join('\n')]),
      ...book.promises.map((x) => [x.madeDate, '', `${w('event.promise', { date: x.promisedDate })} ${money(x.amountMinor, x.currency)}`, say('promiseStatus', x.status), x.resolvedDate ?? '', '']),
    ],
  );

  partDone();
  // The dispute the bundle was asked for: its facts, its invoice's lines and everything about it.
  if (input.dispute) {
    const dispute = input.dispute;
    const invoice = book.invoices.find((i) => i.id === dispute.invoiceId);
    sheet.newPage();
    heading('section.dispute');
    facts([
      [w('cover.dispute'), w('cover.disputeText', { number: dispute.invoiceNumber, date: dispute.openedDate, reason: dispute.reason })],
      [w('col.status'), [say('disputeStatus', dispute.status), dispute.resolvedDate, dispute.resolution, dispute.creditNoteNumber].filter(Boolean).join(' – ')],
      ...(invoice ? [[w('col.total'), `${money(invoice.totalMinor, invoice.currency)} (${w('col.open')}: ${money(invoice.openMinor, invoice.currency)})`] as [string, string]] : []),
    ]);
    if (invoice) {
      table(
        [
          ['col.what', 95],
          ['col.amount', 40, 'right'],
          ['col.kind', 40],
        ],
        invoice.lines.map((l) => [l.description, money(l.totalMinor, invoice.currency), l.kind]),
      );
    }
    table(
      [
        ['col.date', 33],
        ['col.what', 75],
        ['col.amount', 24, 'right'],
        ['col.status', 19],
        ['col.hash', 24],
      ],
      chronology(book, language)
        .filter((e) => e.what.includes(dispute.invoiceNumber))
        .map((e) => [e.when, e.what, e.amount, e.status, e.hash]),
    );
  }

  partDone();
  const range = doc.bufferedPageRange();
  const pages = range.start + range.count;
  footers(sheet, frame, 0, pages);
  return { bytes: await finish(doc), pages };
}
