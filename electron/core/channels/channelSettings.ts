// The email and SMS settings: kept in the book's settings (they travel with its backups), with
// the SMTP password and secret gateway header values in the secret store under `channels:…`
// names. What the renderer sees says only whether a secret is set.
import type { ChannelSettingsView } from '../../../shared/api/channels.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import { isLoopback, type ChannelSettings, type SmsHeader } from '../../../shared/channels/settings.js';
import type { Context } from '../context.js';
import { invalidField } from '../errors.js';

export const SMTP_PASSWORD_SECRET = 'channels:smtp:password';
export const smsHeaderSecret = (name: string) => `channels:sms:header:${name.toLowerCase()}`;

export const readChannelSettings = (ctx: Context): ChannelSettings => ctx.settings.get('channels');

export async function describeChannelSettings(ctx: Context): Promise<ChannelSettingsView> {
  const settings = readChannelSettings(ctx);
  const names = await ctx.secrets.names();
  const { email, sms } = settings;
  return {
    email: { ...email, hasPassword: names.includes(SMTP_PASSWORD_SECRET) },
    sms: { ...sms, headers: sms.headers.map((h) => ({ ...h, value: h.secret ? '' : h.value, hasValue: h.secret ? names.includes(smsHeaderSecret(h.name)) : h.value !== '' })) },
    secretStore: ctx.secrets.backend,
  };
}

/** The secrets the settings use, so they can be cut out of any text a server sends back. */
export async function channelSecrets(ctx: Context): Promise<{ smtpPassword: string | undefined; headers: Map<string, string> }> {
  const settings = readChannelSettings(ctx);
  const headers = new Map<string, string>();
  for (const header of settings.sms.headers.filter((h) => h.secret)) {
    const value = await ctx.secrets.get(smsHeaderSecret(header.name));
    if (value !== undefined) headers.set(header.name, value);
  }
  return { smtpPassword: await ctx.secrets.get(SMTP_PASSWORD_SECRET), headers };
}

export async function updateChannelSettings(ctx: Context, input: ParsedInput<'channels.settings.update'>): Promise<ChannelSettingsView> {
  const current = readChannelSettings(ctx);
  const { password, ...emailInput } = input.email ?? {};
  const email = { ...current.email, ...emailInput };
  // Without encryption the password and every letter cross the network in clear: only to this machine.
  if (email.security === 'none' && email.host !== '' && !isLoopback(email.host)) {
    throw invalidField({
      field: 'email.security',
      code: 'not_allowed',
      message: 'Unencrypted SMTP is only allowed to this machine (127.0.0.1). Choose TLS or STARTTLS for another server.',
    });
  }
  let headers: SmsHeader[] = current.sms.headers;
  const secretWrites: Array<[string, string]> = [];
  if (input.sms?.headers) {
    headers = input.sms.headers.map((h, i) => {
      if (!h.secret) return { name: h.name, secret: false, value: h.value ?? '' };
      if (h.value !== undefined && h.value !== '') secretWrites.push([smsHeaderSecret(h.name), h.value]);
      else if (!current.sms.headers.some((old) => old.secret && old.name.toLowerCase() === h.name.toLowerCase())) {
        throw invalidField({ field: `sms.headers.${i}.value`, code: 'required', message: `Give the value of the secret header ${h.name}.` });
      }
      return { name: h.name, secret: true, value: '' };
    });
  }
  const { headers: _headers, ...smsInput } = input.sms ?? {};
  const next: ChannelSettings = { email, sms: { ...current.sms, ...smsInput, headers } };

  // Secrets first: a book that says a secret header exists while the store lacks it would fail every text.
  if (password !== undefined) {
    if (password === null || password === '') await ctx.secrets.delete(SMTP_PASSWORD_SECRET);
    else await ctx.secrets.set(SMTP_PASSWORD_SECRET, password);
  }
  for (const [name, value] of secretWrites) await ctx.secrets.set(name, value);
  const kept = new Set(headers.filter((h) => h.secret).map((h) => smsHeaderSecret(h.name)));
  for (const old of current.sms.headers.filter((h) => h.secret)) {
    if (!kept.has(smsHeaderSecret(old.name))) await ctx.secrets.delete(smsHeaderSecret(old.name));
  }

  ctx.transaction(() => {
    ctx.settings.set('channels', next);
    ctx.audit.append({
      action: 'channels.settings.updated',
      entity: 'settings',
      entityId: 'channels',
      // What changed, by name only: values may be addresses, and a password never belongs in the audit log.
      data: { email: Object.keys(input.email ?? {}), sms: Object.keys(input.sms ?? {}) },
    });
  });
  return describeChannelSettings(ctx);
}
