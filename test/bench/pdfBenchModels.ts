// Models for the PDF benchmarks: one-page Chinese invoices and letters that differ the way a
// day's batch does (number, client, amounts), built from the shared sample models.
import type { DocumentModel, InvoiceDocument, LetterKind } from '../../electron/core/documents/model.js';
import { LETTER_KINDS } from '../../electron/core/documents/model.js';
import { sampleInvoice, sampleLetter } from '../fixtures/documents/sampleModels.js';

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军'];

export function benchInvoice(i: number): InvoiceDocument {
  const model = sampleInvoice('zh-CN', 'invoice', 4);
  const number = `INV-2026-${String(i + 1).padStart(5, '0')}`;
  const yuan = 100 + (i % 900);
  return {
    ...model,
    number,
    title: `账单 ${number}`,
    recipient: { ...model.recipient, name: `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]} 先生` },
    facts: model.facts.map(([label, value], f) => [label, f === 0 ? number : value]),
    totals: model.totals.map(([label], t) => [label, `¥${yuan * (t + 1)}.${String(i % 100).padStart(2, '0')}`]),
  };
}

export function benchLetter(i: number): DocumentModel {
  const kind: LetterKind = LETTER_KINDS[i % LETTER_KINDS.length];
  const model = sampleLetter(i % 2 === 0 ? 'zh-CN' : 'en', kind, i % 3 === 0 ? { format: 'C5', window: 'right' } : { format: 'DL', window: 'left' });
  return { ...model, recipient: { ...model.recipient, name: `${model.recipient.name} ${i + 1}` } };
}
