// How HostLedger reaches clients: the SMTP server reminders are emailed through and the HTTP SMS
// gateway texts go to. Stored in the book (DESIGN §3: settings that belong to the books); the SMTP
// password and the gateway's secret header values live only in the secret store, so this shape
// holds none of them — only whether one is set.
import { z } from 'zod';

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const SMS_METHODS = ['POST', 'GET'] as const;

/** The placeholders a gateway's URL and body template may use. */
export const SMS_PLACEHOLDERS = ['to', 'text', 'sender'] as const;

export interface EmailSettings {
  /** Empty: email is not set up, and nothing is sent. */
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  fromAddress: string;
  fromName: string;
  replyTo: string;
  /** Copy the client's billing contact (their billing email, when it differs from their email). */
  copyBillingContact: boolean;
  /** Connection, greeting and socket timeouts: a server that never answers fails the message, retryable. */
  timeoutSeconds: number;
}

export interface SmsHeader {
  name: string;
  /** A secret header (an API key) keeps its value in the secret store; `value` is then empty here. */
  secret: boolean;
  value: string;
}

export interface SmsSettings {
  /** Empty: SMS is not set up. */
  url: string;
  method: (typeof SMS_METHODS)[number];
  headers: SmsHeader[];
  /** The request body with {{to}}, {{text}} and {{sender}}; each is JSON- or URL-escaped to fit the content type. */
  bodyTemplate: string;
  contentType: string;
  senderId: string;
  /** Success is any 2xx answer; when set, the answer must also contain this text. */
  successContains: string;
  timeoutSeconds: number;
}

export interface ChannelSettings {
  email: EmailSettings;
  sms: SmsSettings;
}

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {
  email: { host: '', port: 587, security: 'starttls', username: '', fromAddress: '', fromName: '', replyTo: '', copyBillingContact: true, timeoutSeconds: 10 },
  sms: {
    url: '',
    method: 'POST',
    headers: [],
    bodyTemplate: '{"to":"{{to}}","from":"{{sender}}","text":"{{text}}"}',
    contentType: 'application/json',
    senderId: '',
    successContains: '',
    timeoutSeconds: 10,
  },
};

/** Hosts where an unencrypted SMTP connection is allowed: the reseller's own machine. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

export const isLoopback = (host: string) => LOOPBACK_HOSTS.includes(host.trim().toLowerCase());

export const headerName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, { message: 'A header name is letters, digits and - (e.g. Authorization, X-Api-Key).' });
