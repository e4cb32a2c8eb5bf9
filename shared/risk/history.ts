// A client's payment history as the score reads it. Whoever builds it may pass everything the book
// holds: the score itself cuts it at the scoring date (features.ts), so nothing later can leak in.

/** One earlier invoice of the client. */
export interface PastInvoice {
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  /** Every payment and credit applied to it, from the day applied until the day reversed (a bounce). */
  payments: readonly { date: string; amountMinor: number; reversedDate: string | null }[];
  /** Whether it was ever disputed. Read only once the invoice was settled on or before the scoring date. */
  disputed: boolean;
}

export interface PaymentHistory {
  /** The scoring date (YYYY-MM-DD): only what was known on it is used. */
  asOf: string;
  /** The client's invoices issued before the scoring date (later ones are ignored if passed). */
  invoices: readonly PastInvoice[];
  /** Days on which one of the client's payments bounced. */
  bouncedDates: readonly string[];
  /** Days on which a promise to pay or a payment plan was broken. */
  brokenPromiseDates: readonly string[];
  brokenPlanDates: readonly string[];
  /** The invoice being scored, if any: only its amount is read (never its dispute flag). */
  newInvoiceMinor: number | null;
}
