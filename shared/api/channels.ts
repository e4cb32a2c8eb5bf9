// Reaching clients (issue 8, channels): the email and SMS settings with their test buttons, a
// letter sent now on one channel, the day's printed letters, bounces, and phone calls as tasks
// whose outcome goes into the client's communication log. Secrets are written here, never read:
// the settings answer says only whether a password or a secret header value is set.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { communicationSchema } from './documents.js';
import { LADDER_LETTERS } from '../ladder/policy.js';
import { headerName, SMS_METHODS, SMTP_SECURITY } from '../channels/settings.js';
import { distinct, emailAddress, entityId, isoDate, optionalText, requiredText } from '../validation/fields.js';

const seconds = z.number().int().min(1).max(120);
/** Optional text where '' clears the value (unlike optionalText, which reads '' as "not given"). */
const clearable = (max: number) => z.string().trim().max(max).optional();

export const emailSettingsSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SMTP_SECURITY),
  username: z.string(),
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  replyTo: z.string(),
  copyBillingContact: z.boolean(),
  timeoutSeconds: z.number().int(),
});

export const smsSettingsSchema = z.object({
  url: z.string(),
  method: z.enum(SMS_METHODS),
  /** A secret header's value is never sent back: hasValue says whether one is stored. */
  headers: z.array(z.object({ name: z.string(), secret: z.boolean(), value: z.string(), hasValue: z.boolean() })),
  bodyTemplate: z.string(),
  contentType: z.string(),
  senderId: z.string(),
  successContains: z.string(),
  timeoutSeconds: z.number().int(),
});

export const channelSettingsSchema = z.object({ email: emailSettingsSchema, sms: smsSettingsSchema, secretStore: z.string() });
export type ChannelSettingsView = z.infer<typeof channelSettingsSchema>;

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{2,30}$/, { message: 'A phone number: digits, optionally starting with + (e.g. +86 138 0013 8000).' });

const emailUpdate = z.strictObject({
  host: z.string().trim().max(253).regex(/^[A-Za-z0-9.:-]*$/, { message: 'A host name or IP address, e.g. smtp.example.com.' }).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  security: z.enum(SMTP_SECURITY).optional(),
  username: clearable(200),
  /** A new password; '' or null removes it; left out keeps the stored one. */
  password: z.string().max(500).nullable().optional(),
  fromAddress: z.union([emailAddress, z.literal('')]).optional(),
  fromName: clearable(200),
  replyTo: z.union([emailAddress, z.literal('')]).optional(),
  copyBillingContact: z.boolean().optional(),
  timeoutSeconds: seconds.optional(),
});

const smsUpdate = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'The gateway address starts with http:// or https://.' })
    .optional(),
  method: z.enum(SMS_METHODS).optional(),
  /** The whole list; a secret header sent without a value keeps the value stored for that name. */
  headers: z
    .array(z.strictObject({ name: headerName, secret: z.boolean().default(false), value: z.string().max(2000).optional() }))
    .max(20)
    .refine((list) => new Set(list.map((h) => h.name.toLowerCase())).size === list.length, { message: 'Each header once.', params: { code: 'duplicate' } })
    .optional(),
  bodyTemplate: clearable(5000),
  contentType: z.string().trim().min(1).max(200).optional(),
  senderId: clearable(50),
  successContains: clearable(200),
  timeoutSeconds: seconds.optional(),
});

export const channelSettingsUpdateInput = z.strictObject({ email: emailUpdate.optional(), sms: smsUpdate.optional() });

/** Settings missing before anything can be sent; the screen words them in the user's language. */
export const SETUP_PROBLEMS = ['email_no_server', 'email_no_sender', 'sms_no_gateway'] as const;
export type SetupProblem = (typeof SETUP_PROBLEMS)[number];
/** What stops a message before it is tried: the settings above, or a company profile with no name (no letter can be made). */
export const DELIVERY_PROBLEMS = ['company_profile_missing', ...SETUP_PROBLEMS] as const;
export type DeliveryProblem = (typeof DELIVERY_PROBLEMS)[number];

/** What a test button answers: the server's own words when it accepted, else the reason it did not. */
export const testAnswerSchema = z.object({ ok: z.boolean(), message: z.string(), setupProblem: z.enum(SETUP_PROBLEMS).nullable() });

export const SEND_CHANNELS = ['email', 'sms', 'letter'] as const;

export const deliveryResultSchema = z.object({
  status: z.enum(['sent', 'queued_for_print', 'failed', 'not_applicable']),
  communicationId: z.string().nullable(),
  documentId: z.string().nullable(),
  detail: z.string().nullable(),
  /** failed before anything was tried, for want of a setting: which (the screens word it). */
  problem: z.enum(DELIVERY_PROBLEMS).nullable(),
});

export const CALL_OUTCOMES = ['reached', 'promised_to_pay', 'refused', 'no_answer', 'wrong_number', 'left_message'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_STATES = ['open', 'done', 'cancelled'] as const;

export const callTaskSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  /** Why the call: 'requested' by a person, or the ladder step that asked for it. */
  kind: z.string(),
  phone: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(CALL_STATES),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  note: z.string().nullable(),
  communicationId: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
});
export type CallTask = z.infer<typeof callTaskSchema>;

export const channelMethods = {
  'channels.settings.get': defineMethod({
    summary: 'The email (SMTP) and SMS gateway settings. Never a password or secret header value: hasPassword and hasValue say whether one is stored.',
    input: z.strictObject({}),
    output: channelSettingsSchema,
  }),
  'channels.settings.update': defineMethod({
    summary:
      'Change the email and SMS settings; fields left out keep their value. The SMTP password and secret header values go to the secret store. Unencrypted SMTP (security none) is only allowed to this machine (127.0.0.1).',
    input: channelSettingsUpdateInput,
    output: channelSettingsSchema,
  }),
  'channels.testEmail': defineMethod({
    summary: "Send a test email with the saved settings; answers the server's reply, or why it could not be sent. Nothing is logged for a client.",
    input: z.strictObject({ to: emailAddress }),
    output: testAnswerSchema,
  }),
  'channels.testSms': defineMethod({
    summary: "Send a test text through the saved SMS gateway; answers the gateway's reply, or why it failed.",
    input: z.strictObject({ to: phoneNumber }),
    output: testAnswerSchema,
  }),
  'channels.send': defineMethod({
    summary:
      "Send a ladder letter to a client now on one channel: email (the letter as text with its PDF attached), SMS (a short text) or a printed letter (archived, queued for the day's print). With a key, sending again returns the first result and retries only a failed one.",
    input: z.strictObject({
      clientId: entityId,
      letter: z.enum(LADDER_LETTERS),
      channel: z.enum(SEND_CHANNELS),
      invoiceIds: distinct(entityId, 200).default([]),
      suspensionDate: isoDate.optional(),
      restriction: optionalText(200),
      key: z.string().trim().regex(/^[A-Za-z0-9:_.-]{1,120}$/, { message: 'Letters, digits and : _ . - only.' }).optional(),
    }),
    output: deliveryResultSchema,
  }),
  'channels.lettersToPrint': defineMethod({
    summary:
      "The ladder's printed letters of a day (queued for print) in one PDF, in the order they were written; the ones not printed before are logged as printed. pdfBase64 is null when there are none.",
    input: z.strictObject({ date: isoDate }),
    output: z.object({ pdfBase64: z.string().nullable(), letters: z.number().int(), pages: z.number().int(), newlyPrinted: z.number().int() }),
  }),
  'communications.recordBounce': defineMethod({
    summary: "Record that a sent email bounced, with the reason the mail server gave: a 'bounced' entry is appended to the client's log (nothing is changed).",
    input: z.strictObject({ communicationId: entityId, reason: requiredText(1000) }),
    output: communicationSchema,
  }),
  'calls.list': defineMethod({
    summary: 'Phone calls to make (open) or made (done), oldest due first, with the client, their phone number and the invoice.',
    input: z.strictObject({ state: z.enum(['open', 'done', 'all']).default('open') }),
    output: z.object({ items: z.array(callTaskSchema) }),
  }),
  'calls.create': defineMethod({
    summary: 'Ask for a call to a client (about an invoice, optionally), due today.',
    input: z.strictObject({ clientId: entityId, invoiceId: entityId.optional(), note: optionalText(2000) }),
    output: callTaskSchema,
  }),
  'calls.record': defineMethod({
    summary: "Record how an open call went; it is appended to the client's communication log (channel call) and the task is done.",
    input: z.strictObject({ id: entityId, outcome: z.enum(CALL_OUTCOMES), note: optionalText(2000) }),
    output: callTaskSchema,
  }),
};
