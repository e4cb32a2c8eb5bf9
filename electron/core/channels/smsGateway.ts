// Sending one text through the reseller's HTTP SMS gateway, as its settings describe it: URL,
// method, headers (secret ones from the secret store), a body template with {{to}}, {{text}} and
// {{sender}}. Success is a 2xx answer (containing the configured text, when one is set); anything
// else — another status, a refused connection, a timeout — is a failure with the reason.
import type { SetupProblem } from '../../../shared/api/channels.js';
import type { SmsSettings } from '../../../shared/channels/settings.js';

export type GatewayAnswer = { ok: true; response: string } | { ok: false; reason: string };

export function smsSetupProblem(settings: SmsSettings): { code: SetupProblem; message: string } | null {
  if (settings.url === '') return { code: 'sms_no_gateway', message: 'SMS is not set up: enter the gateway address in Settings → Email & SMS.' };
  return null;
}

/** Each placeholder escaped for where it stands: JSON string, form or URL value, or as is. */
function fill(template: string, values: Record<string, string>, escape: (value: string) => string): string {
  return template.replace(/\{\{\s*(to|text|sender)\s*\}\}/g, (_, name: string) => escape(values[name] ?? ''));
}

const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

const cutSecrets = (text: string, secrets: readonly string[]) => secrets.filter((s) => s !== '').reduce((out, s) => out.split(s).join('[redacted]'), text);

export async function sendSms(settings: SmsSettings, secretHeaders: ReadonlyMap<string, string>, to: string, text: string): Promise<GatewayAnswer> {
  const problem = smsSetupProblem(settings);
  if (problem) return { ok: false, reason: problem.message };
  const secrets = [...secretHeaders.values()];
  const values = { to, text, sender: settings.senderId };
  const url = fill(settings.url, values, encodeURIComponent);
  const headers: Record<string, string> = {};
  for (const header of settings.headers) {
    const value = header.secret ? secretHeaders.get(header.name) : header.value;
    if (value === undefined) return { ok: false, reason: `The secret value of the gateway header ${header.name} is missing: enter it again in Settings → Email & SMS.` };
    headers[header.name] = value;
  }
  let body: string | undefined;
  if (settings.method === 'POST') {
    const type = settings.contentType.toLowerCase();
    const escape = type.includes('json') ? jsonEscape : type.includes('x-www-form-urlencoded') ? encodeURIComponent : (v: string) => v;
    body = fill(settings.bodyTemplate, values, escape);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = settings.contentType;
  }
  try {
    const response = await fetch(url, { method: settings.method, headers, body, signal: AbortSignal.timeout(settings.timeoutSeconds * 1000), redirect: 'error' });
    const answer = cutSecrets((await response.text()).slice(0, 500), secrets);
    if (response.status < 200 || response.status > 299) return { ok: false, reason: `The SMS gateway answered ${response.status} ${response.statusText}: ${answer}`.trim() };
    if (settings.successContains !== '' && !answer.includes(settings.successContains)) {
      return { ok: false, reason: `The SMS gateway answered ${response.status} but not "${settings.successContains}": ${answer}` };
    }
    return { ok: true, response: `${response.status} ${answer}`.trim() };
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { message?: string; code?: string } };
    if (e.name === 'TimeoutError') return { ok: false, reason: `The SMS gateway did not answer within ${settings.timeoutSeconds} s.` };
    return { ok: false, reason: cutSecrets(`Could not reach the SMS gateway: ${e.cause?.message ?? e.message ?? String(error)}`, secrets) };
  }
}
