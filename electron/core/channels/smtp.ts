// Sending one email through the reseller's SMTP server with nodemailer. Every wait is bounded
// (connection, greeting, socket), so a server that never answers fails the message instead of
// hanging the ladder; the answer is the server's own reply, or the reason it refused, with the
// password cut out of anything it echoed back.
import nodemailer from 'nodemailer';
import type { SetupProblem } from '../../../shared/api/channels.js';
import type { EmailSettings } from '../../../shared/channels/settings.js';

export interface OutgoingEmail {
  to: string;
  cc: string | null;
  subject: string;
  text: string;
  /** Ours, so a retry of the same message carries the same Message-ID. */
  messageId: string;
  attachment: { filename: string; bytes: Buffer } | null;
}

export type SmtpAnswer = { ok: true; response: string; messageId: string; rejected: string[] } | { ok: false; reason: string };

/** Why email cannot go out at all with these settings (a code the screen words, and the sentence for the log), or null when it can be tried. */
export function emailSetupProblem(settings: EmailSettings): { code: SetupProblem; message: string } | null {
  if (settings.host === '') return { code: 'email_no_server', message: 'Email is not set up: enter the SMTP server in Settings → Email & SMS.' };
  if (settings.fromAddress === '') return { code: 'email_no_sender', message: 'Email has no sender address: enter the From address in Settings → Email & SMS.' };
  return null;
}

const cut = (text: string, secret: string | undefined) => (secret ? text.split(secret).join('[redacted]') : text);

export async function sendEmail(settings: EmailSettings, password: string | undefined, email: OutgoingEmail): Promise<SmtpAnswer> {
  const problem = emailSetupProblem(settings);
  if (problem) return { ok: false, reason: problem.message };
  const timeout = settings.timeoutSeconds * 1000;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.username !== '' ? { user: settings.username, pass: password ?? '' } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  try {
    const info = await transport.sendMail({
      from: settings.fromName !== '' ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress,
      to: email.to,
      cc: email.cc ?? undefined,
      replyTo: settings.replyTo !== '' ? settings.replyTo : undefined,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      attachments: email.attachment ? [{ filename: email.attachment.filename, content: email.attachment.bytes, contentType: 'application/pdf' }] : [],
    });
    return { ok: true, response: cut(String(info.response ?? ''), password), messageId: String(info.messageId ?? email.messageId), rejected: (info.rejected ?? []).map(String) };
  } catch (error) {
    return { ok: false, reason: cut(describeSmtpError(error), password) };
  } finally {
    transport.close();
  }
}

/** A sentence a reseller can act on, with the server's code and words when it gave any. */
function describeSmtpError(error: unknown): string {
  const e = error as { code?: string; response?: string; responseCode?: number; message?: string };
  const server = e.response ? ` The server said: ${e.response}` : '';
  switch (e.code) {
    case 'EAUTH':
      return `The SMTP server refused the user name or password.${server}`;
    case 'ETIMEDOUT':
      return `The SMTP server did not answer in time (${e.message ?? 'timeout'}).`;
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
      return `Could not talk to the SMTP server: ${e.message ?? 'connection failed'}.`;
    case 'EENVELOPE':
      return `The SMTP server refused the recipient.${server || ` ${e.message ?? ''}`}`;
    case 'ETLS':
      return `The secure connection to the SMTP server failed: ${e.message ?? 'TLS error'}.`;
    default:
      return `${e.message ?? String(error)}${server && !e.message?.includes(e.response ?? '') ? server : ''}`;
  }
}
