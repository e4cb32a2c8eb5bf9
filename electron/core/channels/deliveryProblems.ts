// What stops a message before it is tried, channel by channel: a company profile with no name (a
// letter and an email carry the letterhead, an SMS the company's name), or the channel's own
// settings. deliver() checks it before anything is written, so a book not set up yet neither
// archives PDFs that never leave nor logs a failed message on every run; the desk names what to
// set up from the same answer.
import type { DeliveryProblem } from '../../../shared/api/channels.js';
import type { Context } from '../context.js';
import { COMPANY_NAME_MISSING } from '../documents/builders/common.js';
import { createCompanyProfile } from '../documents/companyProfile.js';
import { readChannelSettings } from './channelSettings.js';
import { smsSetupProblem } from './smsGateway.js';
import type { DeliveryChannel } from './deliver.js';
import { emailSetupProblem } from './smtp.js';

/** The problem as a code the screens word, and the sentence the records keep. */
export interface Blocked {
  code: DeliveryProblem;
  message: string;
}

export function deliveryProblems(ctx: Context): Record<DeliveryChannel, Blocked | null> {
  const company: Blocked | null = createCompanyProfile(ctx.db).named() ? null : { code: 'company_profile_missing', message: COMPANY_NAME_MISSING };
  const settings = readChannelSettings(ctx);
  return { letter: company, email: company ?? emailSetupProblem(settings.email), sms: company ?? smsSetupProblem(settings.sms) };
}
