// The channels API (shared/api/channels.ts): email and SMS settings and their tests, sending a
// letter now, the day's print, bounces and phone calls.
import type { channelMethods } from '../../../shared/api/channels.js';
import type { Communication } from '../../../shared/api/documents.js';
import type { HandlersOf } from '../context.js';
import { createArchive } from '../documents/archive.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { getCall, listCalls, recordCall, requestCall } from './calls.js';
import { channelSecrets, describeChannelSettings, readChannelSettings, updateChannelSettings } from './channelSettings.js';
import { deliver } from './deliver.js';
import { lettersToPrint } from './printQueue.js';
import { sendSms, smsSetupProblem } from './smsGateway.js';
import { emailSetupProblem, sendEmail } from './smtp.js';
import { newId } from '../ids.js';
import { requireClient } from '../documents/builders/common.js';

export const channelHandlers: HandlersOf<typeof channelMethods> = {
  'channels.settings.get'(_input, ctx) {
    return describeChannelSettings(ctx);
  },
  'channels.settings.update'(input, ctx) {
    return updateChannelSettings(ctx, input);
  },
  async 'channels.testEmail'(input, ctx) {
    const { email } = readChannelSettings(ctx);
    const setup = emailSetupProblem(email);
    if (setup) return { ok: false, message: setup.message, setupProblem: setup.code };
    const { smtpPassword } = await channelSecrets(ctx);
    const answer = await sendEmail(email, smtpPassword, {
      to: input.to,
      cc: null,
      subject: 'HostLedger test email',
      text: `This is a test email from HostLedger, sent through ${email.host}:${email.port}. Reminders and notices to your clients will be sent the same way.`,
      messageId: `<${newId('test')}@${email.fromAddress.split('@')[1] || 'hostledger.local'}>`,
      attachment: null,
    });
    return answer.ok ? { ok: true, message: answer.response, setupProblem: null } : { ok: false, message: answer.reason, setupProblem: null };
  },
  async 'channels.testSms'(input, ctx) {
    const { sms } = readChannelSettings(ctx);
    const setup = smsSetupProblem(sms);
    if (setup) return { ok: false, message: setup.message, setupProblem: setup.code };
    const { headers } = await channelSecrets(ctx);
    const answer = await sendSms(sms, headers, input.to, 'HostLedger test message.');
    return answer.ok ? { ok: true, message: answer.response, setupProblem: null } : { ok: false, message: answer.reason, setupProblem: null };
  },
  async 'channels.send'(input, ctx) {
    requireClient(ctx, input.clientId);
    try {
      return await deliver(ctx, {
        key: input.key ?? `manual:${newId('snd')}`,
        clientId: input.clientId,
        letter: input.letter,
        channel: input.channel,
        invoiceIds: input.invoiceIds,
        suspensionDate: input.suspensionDate,
        restriction: input.restriction,
      });
    } catch (error) {
      // The letter's parameters are this method's own fields: name them as the caller sent them.
      if (error instanceof ApiError && error.details?.fields) {
        throw new ApiError(error.code, error.message, { ...error.details, fields: error.details.fields.map((f) => ({ ...f, field: f.field.replace(/^params\./, '') })) });
      }
      throw error;
    }
  },
  'channels.lettersToPrint'(input, ctx) {
    return lettersToPrint(ctx, input.date);
  },
  'communications.recordBounce'(input, ctx) {
    return ctx.transaction(() => {
      const sent = ctx.db
        .prepare<[string], Communication & { messageId: string | null }>(
          `SELECT id, client_id AS clientId, at, channel, status, recipient, kind, subject, document_id AS documentId, content_sha256 AS contentSha256, detail, message_id AS messageId
           FROM communications WHERE id = ?`,
        )
        .get(input.communicationId);
      if (!sent) throw notFound('Communication', input.communicationId);
      if (sent.channel !== 'email' || sent.status !== 'sent') throw conflict('Only a sent email can bounce.', { id: input.communicationId });
      const entry = createArchive(ctx.db).logCommunication(
        {
          clientId: sent.clientId,
          channel: 'email',
          status: 'bounced',
          recipient: sent.recipient,
          kind: sent.kind,
          subject: sent.subject,
          documentId: sent.documentId,
          contentSha256: sent.contentSha256,
          detail: input.reason,
          messageId: sent.messageId,
        },
        ctx.clock.now().toISOString(),
      );
      ctx.audit.append({ action: 'message.bounced', entity: 'client', entityId: sent.clientId, data: { communicationId: sent.id, bounceId: entry.id } });
      return entry;
    });
  },
  'calls.list'(input, ctx) {
    return { items: listCalls(ctx, input.state) };
  },
  'calls.create'(input, ctx) {
    requireClient(ctx, input.clientId);
    return ctx.transaction(() => requestCall(ctx, { clientId: input.clientId, invoiceId: input.invoiceId ?? null, kind: 'requested', note: input.note ?? null, key: null }));
  },
  'calls.record'(input, ctx) {
    getCall(ctx, input.id);
    return ctx.transaction(() => recordCall(ctx, input.id, input.outcome, input.note ?? null));
  },
};
