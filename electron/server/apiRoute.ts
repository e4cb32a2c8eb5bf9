// POST /api/<method>: the body is the input, the answer is dispatch's envelope. Past the transport
// checks every answer is HTTP 200, so a script reads one shape whatever went wrong.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope } from '../../shared/api/envelope.js';
import type { Dispatch } from '../core/dispatch.js';
import { readLimitedBody } from './requestBody.js';
import { refuse, sendJson } from './responses.js';

export const MAX_BODY_BYTES = 1024 * 1024;

type ParsedBody = { ok: true; input: unknown } | { ok: false; envelope: Envelope<never> };

const notJson: ParsedBody = {
  ok: false,
  envelope: { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON (UTF-8).' } },
};

function parseBody(body: Buffer): ParsedBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return notJson;
  }
  // An empty body means "no input", which is what methods without parameters expect.
  if (text.trim() === '') return { ok: true, input: undefined };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch {
    return notJson;
  }
}

export async function handleApiCall(req: IncomingMessage, res: ServerResponse, dispatch: Dispatch, method: string): Promise<void> {
  const read = await readLimitedBody(req, MAX_BODY_BYTES);
  if (!read.ok) {
    // An aborted request has nobody left to answer.
    if (read.reason === 'too_large') {
      refuse(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { Connection: 'close' });
    }
    return;
  }
  const parsed = parseBody(read.body);
  sendJson(res, parsed.ok ? await dispatch(method, parsed.input) : parsed.envelope);
}
