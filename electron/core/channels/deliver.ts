// The one door the arrears ladder (and the desk's "send now") uses to reach a client: a letter
// kind, on one channel, about some invoices. Email carries the letter as a PDF (archived) with the
// billing contact copied; SMS carries a short text; a printed letter is archived and waits for the
// day's print batch. Each message is written with its idempotency key and committed before it is
// sent (DESIGN §2), and its outcome is logged in the client's communication log.
import type { LadderLetter } from '../../../shared/ladder/policy.js';
import type { Context } from '../context.js';

export type DeliveryChannel = 'email' | 'sms' | 'letter';

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
}

export type Deliver = (ctx: Context, delivery: Delivery) => Promise<DeliveryResult>;
