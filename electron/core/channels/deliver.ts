// The one door the arrears ladder (and the desk's "send now") uses to reach a client: a letter
// kind, on one channel, about some invoices. Email carries the letter as a PDF (archived) with the
// billing contact copied; SMS carries a short text; a printed letter is archived and waits for the
// day's print batch. Each message is written with its idempotency key and committed before it is
// sent (DESIGN §2), and its outcome is logged in the client's communication log.
import type { DeliveryProblem, SEND_CHANNELS } from '../../../shared/api/channels.js';
import type { LadderLetter } from '../../../shared/ladder/policy.js';
import { smsText } from '../../../shared/ladder/smsText.js';
import { documentTitle } from '../../../shared/documents/wording.js';
import type { Context } from '../context.js';
import { createArchive, sha256 } from '../documents/archive.js';
import { letterhead, requireClient } from '../documents/builders/common.js';
import { gatherFacts, letterText } from '../documents/builders/letter.js';
import { prepareLetter, recordIssued } from '../documents/issue.js';
import { render } from '../documents/render.js';
import { channelSecrets, readChannelSettings } from './channelSettings.js';
import { deliveryProblems, type Blocked } from './deliveryProblems.js';
import { createOutbox, type OutgoingMessage } from './outbox.js';
import { sendSms } from './smsGateway.js';
import { sendEmail } from './smtp.js';

export type DeliveryChannel = (typeof SEND_CHANNELS)[number];

export interface Delivery {
  /** Idempotency: a second delivery with the same key returns the first one's result (retrying it if it failed). */
  key: string;
  clientId: string;
  letter: LadderLetter;
  channel: DeliveryChannel;
  /** The invoices the message is about (default: all the client's open invoices). */
  invoiceIds: readonly string[];
  /** final_notice, suspension_notice: the day service is (or was) suspended. */
  suspensionDate?: string;
  /** restriction_notice: what was limited, in the client's language. */
  restriction?: string;
}

export interface DeliveryResult {
  /** sent (email accepted by the server, SMS by the gateway), queued_for_print (letter), failed (retryable), not_applicable (no address for the channel). */
  status: 'sent' | 'queued_for_print' | 'failed' | 'not_applicable';
  /** The communication log entry (none for not_applicable). */
  communicationId: string | null;
  documentId: string | null;
  detail: string | null;
  /** failed before anything was written or tried, for want of a setting (the detail says it in words). */
  problem: DeliveryProblem | null;
}

export type Deliver = (ctx: Context, delivery: Delivery) => Promise<DeliveryResult>;

/** Deliveries in flight in this process, by book and key: a second call with the same key waits for the first. */
const inFlight = new WeakMap<object, Map<string, Promise<DeliveryResult>>>();

export const deliver: Deliver = (ctx, delivery) => {
  let running = inFlight.get(ctx.db);
  if (!running) inFlight.set(ctx.db, (running = new Map()));
  const existing = running.get(delivery.key);
  if (existing) return existing;
  const work = (delivery.channel === 'letter' ? queueLetter(ctx, delivery) : sendMessage(ctx, delivery)).finally(() => running.delete(delivery.key));
  running.set(delivery.key, work);
  return work;
};

const letterParams = (d: Delivery) => ({
  invoiceIds: d.invoiceIds.length > 0 ? [...d.invoiceIds] : undefined,
  suspensionDate: d.suspensionDate,
  restriction: d.restriction,
});

const notApplicable = (detail: string): DeliveryResult => ({ status: 'not_applicable', communicationId: null, documentId: null, detail, problem: null });
const blocked = ({ code, message }: Blocked): DeliveryResult => ({ status: 'failed', communicationId: null, documentId: null, detail: message, problem: code });

/** A printed letter: archived and logged as waiting for the day's print (channels.lettersToPrint). */
async function queueLetter(ctx: Context, d: Delivery): Promise<DeliveryResult> {
  const sourceKey = `deliver:${d.key}`;
  const archive = createArchive(ctx.db);
  const logged = (documentId: string): DeliveryResult => ({
    status: 'queued_for_print',
    communicationId: ctx.db.prepare<[string], string>("SELECT id FROM communications WHERE document_id = ? AND channel = 'letter' ORDER BY seq LIMIT 1").pluck().get(documentId) ?? null,
    documentId,
    detail: null,
    problem: null,
  });
  const earlier = archive.bySourceKey(sourceKey);
  if (earlier) return logged(earlier.id);
  const client = requireClient(ctx, d.clientId);
  if (!client.address || client.address.lines.length === 0) return notApplicable(`${client.name} has no postal address.`);
  const problem = deliveryProblems(ctx).letter;
  if (problem) return blocked(problem);
  const prepared = prepareLetter(ctx, d.clientId, d.letter, letterParams(d), letterhead(ctx, 'issue'));
  const rendered = await render(prepared.model);
  return ctx.transaction(() => {
    const raced = archive.bySourceKey(sourceKey);
    if (raced) return logged(raced.id);
    const document = recordIssued(ctx, { ...prepared.record, document: { ...prepared.record.document, sourceKey } }, rendered, 'queued_for_print');
    return logged(document.id);
  });
}

/** The recipient column of an email: the To address, and the Cc in brackets. */
const emailRecipient = (to: string, cc: string | null) => (cc ? `${to} (Cc ${cc})` : to);
const parseEmailRecipient = (recipient: string) => {
  const match = /^(\S+)(?: \(Cc (\S+)\))?$/.exec(recipient);
  return { to: match?.[1] ?? recipient, cc: match?.[2] ?? null };
};

/** Writes the message (the intent) and commits it, so the send that follows can be retried. */
async function prepareMessage(ctx: Context, d: Delivery, channel: 'email' | 'sms'): Promise<OutgoingMessage | DeliveryResult> {
  const outbox = createOutbox(ctx.db);
  const client = requireClient(ctx, d.clientId);
  const createdAt = ctx.clock.now().toISOString();
  if (channel === 'email') {
    const to = client.email ?? client.billingEmail;
    if (!to) return notApplicable(`${client.name} has no email address.`);
    const problem = deliveryProblems(ctx).email;
    if (problem) return blocked(problem);
    const settings = readChannelSettings(ctx).email;
    const cc = settings.copyBillingContact && client.billingEmail && client.billingEmail.toLowerCase() !== to.toLowerCase() ? client.billingEmail : null;
    const prepared = prepareLetter(ctx, d.clientId, d.letter, letterParams(d), letterhead(ctx, 'issue'));
    const rendered = await render(prepared.model);
    return ctx.transaction(() => {
      const raced = outbox.byKey(d.key);
      if (raced) return raced;
      // Archived (the PDF as attached) but not logged: the log says sent or failed once the server answered.
      const document = recordIssued(ctx, prepared.record, rendered, 'issued', null);
      return outbox.add({
        key: d.key,
        clientId: client.id,
        channel,
        kind: d.letter,
        recipient: emailRecipient(to, cc),
        subject: prepared.model.subject,
        body: letterText(prepared.model),
        documentId: document.id,
        createdAt,
      });
    });
  }
  if (!client.phone) return notApplicable(`${client.name} has no phone number.`);
  const problem = deliveryProblems(ctx).sms;
  if (problem) return blocked(problem);
  const head = letterhead(ctx, 'issue');
  const facts = gatherFacts(ctx, client, d.letter, letterParams(d));
  const company = head.company;
  const text = smsText({
    language: client.language,
    letter: d.letter,
    company: company.name,
    currency: facts.currency,
    invoices: facts.invoices,
    payHow: company.paymentLines[0] ?? company.phone ?? company.email ?? company.website ?? company.name,
    suspensionDate: d.suspensionDate ?? null,
  });
  const phone = client.phone;
  return ctx.transaction(
    () =>
      outbox.byKey(d.key) ??
      outbox.add({ key: d.key, clientId: client.id, channel, kind: d.letter, recipient: phone, subject: documentTitle(client.language, d.letter), body: text, documentId: null, createdAt }),
  );
}

async function sendMessage(ctx: Context, d: Delivery): Promise<DeliveryResult> {
  const outbox = createOutbox(ctx.db);
  const channel = d.channel as 'email' | 'sms';
  let message = outbox.byKey(d.key);
  if (message?.state === 'sent') {
    return { status: 'sent', communicationId: outbox.lastCommunication(message.id), documentId: message.documentId, detail: message.providerAnswer, problem: null };
  }
  if (message) {
    // A retry waits, untouched, for what is missing: no attempt counted, no failure logged again.
    const problem = deliveryProblems(ctx)[channel];
    if (problem) return blocked(problem);
    const retried = message;
    message = ctx.transaction(() => {
      outbox.retrying(retried.id);
      return outbox.byKey(d.key)!;
    });
  } else {
    const prepared = await prepareMessage(ctx, d, channel);
    if ('status' in prepared) return prepared;
    message = prepared;
    // Written meanwhile by another caller with the same key and already sent: never a second time.
    if (message.state === 'sent') return { status: 'sent', communicationId: outbox.lastCommunication(message.id), documentId: message.documentId, detail: message.providerAnswer, problem: null };
  }

  const secrets = await channelSecrets(ctx);
  const settings = readChannelSettings(ctx);
  let answer: { ok: true; response: string } | { ok: false; reason: string };
  if (message.channel === 'email') {
    const { to, cc } = parseEmailRecipient(message.recipient);
    const document = message.documentId ? createArchive(ctx.db).get(message.documentId) : null;
    const sent = await sendEmail(settings.email, secrets.smtpPassword, {
      to,
      cc,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.id}@${settings.email.fromAddress.split('@')[1] || 'hostledger.local'}>`,
      attachment: document ? { filename: `${document.title}.pdf`, bytes: createArchive(ctx.db).bytes(document.id) } : null,
    });
    answer = sent.ok ? { ok: true, response: `${sent.messageId} ${sent.response}${sent.rejected.length > 0 ? ` (refused: ${sent.rejected.join(', ')})` : ''}` } : sent;
  } else {
    answer = await sendSms(settings.sms, secrets.headers, message.recipient, message.body);
  }

  const final = message;
  const document = final.documentId ? createArchive(ctx.db).get(final.documentId) : null;
  // What was sent, hashed: the words, and the PDF by its own hash.
  const contentSha256 = sha256(JSON.stringify([final.recipient, final.subject, final.body, document?.sha256 ?? null]));
  return ctx.transaction(() => {
    const at = ctx.clock.now().toISOString();
    if (answer.ok) outbox.markSent(final.id, answer.response, at);
    else outbox.markFailed(final.id, answer.reason);
    const detail = answer.ok ? answer.response : answer.reason;
    const entry = createArchive(ctx.db).logCommunication(
      {
        clientId: final.clientId,
        channel: final.channel,
        status: answer.ok ? 'sent' : 'failed',
        recipient: final.recipient,
        kind: final.kind,
        subject: final.subject,
        documentId: final.documentId,
        contentSha256,
        detail,
        messageId: final.id,
      },
      at,
    );
    ctx.audit.append({
      action: answer.ok ? 'message.sent' : 'message.failed',
      entity: 'client',
      entityId: final.clientId,
      data: { messageId: final.id, channel: final.channel, kind: final.kind, attempt: final.attempts, communicationId: entry.id },
    });
    return { status: answer.ok ? 'sent' : 'failed', communicationId: entry.id, documentId: final.documentId, detail, problem: null };
  });
}
