// The Email & SMS form's values as typed (text boxes hold strings) and the update they become.
// A password box left empty keeps the stored password; a secret header left empty keeps its value.
import type { ChannelSettingsView } from '../../../shared/api/channels.js';
import type { Input } from '../../../shared/api/methods.js';
import type { SmtpSecurity } from '../../../shared/channels/settings.js';

export interface HeaderRow {
  name: string;
  value: string;
  secret: boolean;
  /** A secret value is stored for this header (shown as "stored", never read back). */
  stored: boolean;
}

export interface ChannelValues {
  host: string;
  port: string;
  security: SmtpSecurity;
  username: string;
  password: string;
  removePassword: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string;
  copyBillingContact: boolean;
  emailTimeout: string;
  url: string;
  method: 'POST' | 'GET';
  headers: HeaderRow[];
  bodyTemplate: string;
  contentType: string;
  senderId: string;
  successContains: string;
  smsTimeout: string;
}

export function channelValues(view: ChannelSettingsView): ChannelValues {
  const { email, sms } = view;
  return {
    host: email.host,
    port: String(email.port),
    security: email.security,
    username: email.username,
    password: '',
    removePassword: false,
    fromAddress: email.fromAddress,
    fromName: email.fromName,
    replyTo: email.replyTo,
    copyBillingContact: email.copyBillingContact,
    emailTimeout: String(email.timeoutSeconds),
    url: sms.url,
    method: sms.method,
    headers: sms.headers.map((h) => ({ name: h.name, value: h.value, secret: h.secret, stored: h.secret && h.hasValue })),
    bodyTemplate: sms.bodyTemplate,
    contentType: sms.contentType,
    senderId: sms.senderId,
    successContains: sms.successContains,
    smsTimeout: String(sms.timeoutSeconds),
  };
}

/** A number box: a whole number as typed, or the text itself so the backend names what is wrong. */
const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function channelUpdateOf(values: ChannelValues): Input<'channels.settings.update'> {
  return {
    email: {
      host: values.host.trim(),
      port: whole(values.port),
      security: values.security,
      username: values.username,
      ...(values.removePassword ? { password: null } : values.password !== '' ? { password: values.password } : {}),
      fromAddress: values.fromAddress.trim(),
      fromName: values.fromName,
      replyTo: values.replyTo.trim(),
      copyBillingContact: values.copyBillingContact,
      timeoutSeconds: whole(values.emailTimeout),
    },
    sms: {
      url: values.url.trim(),
      method: values.method,
      headers: values.headers.map((h) => (h.secret && h.value === '' ? { name: h.name, secret: true } : { name: h.name, secret: h.secret, value: h.value })),
      bodyTemplate: values.bodyTemplate,
      contentType: values.contentType,
      senderId: values.senderId,
      successContains: values.successContains,
      timeoutSeconds: whole(values.smsTimeout),
    },
  };
}
