// The English catalog: every string a screen shows, by key. `{name}` marks a value filled in at
// run time. zh-CN.ts must have exactly these keys (the compiler checks it), so a screen is never
// half translated.
import type { ErrorCode } from '../api/envelope.js';
import type { FieldErrorCode } from '../validation/fieldErrors.js';

/** Keys the backend's error codes are shown under; listing them here makes a missing one a type error. */
type ErrorKeys = `fieldError.${FieldErrorCode}` | `apiError.${ErrorCode}`;

export const en = {
  'app.name': 'HostLedger',

  'shell.skipToContent': 'Skip to main content',
  'shell.sections': 'Sections',
  'shell.language': 'Language',
  'shell.languageNotSaved': 'The language could not be saved for next time. {reason}',
  'shell.loading': 'Loading…',

  'languageSwitch.en': 'English',
  'languageSwitch.zh-CN': '简体中文',

  'language.en': 'English',
  'language.zh-CN': 'Simplified Chinese',

  'nav.clients': 'Clients',

  'signedOut.title': 'This window is not connected to HostLedger',
  'signedOut.body': 'Open the link that this command printed in the terminal where HostLedger is running:',
  'signedOut.hint': 'The link ends with #token=… and is new each time HostLedger starts, so a link from an earlier start no longer works.',

  'clients.title': 'Clients',
  'clients.search': 'Search clients',
  'clients.searchPlaceholder': 'Name, company, email or tag',
  'clients.new': 'New client',
  'clients.caption': 'Clients, ordered by name',
  'clients.column.name': 'Name',
  'clients.column.company': 'Company',
  'clients.column.email': 'Email',
  'clients.column.currency': 'Currency',
  'clients.column.tags': 'Tags',
  'clients.empty.title': 'No clients yet',
  'clients.empty.body': 'Add your first client to keep their client record, invoices and payments in one place.',
  'clients.noMatch': 'No client matches “{query}”.',
  'clients.shown': 'Clients shown: {count}',
  'clients.loadMore': 'Load more',
  'clients.retry': 'Try again',

  'clientForm.titleNew': 'New client',
  'clientForm.titleEdit': 'Client record: {name}',
  'clientForm.section.client': 'Client',
  'clientForm.section.contact': 'Contact',
  'clientForm.section.address': 'Postal address',
  'clientForm.section.billing': 'Billing',
  'clientForm.section.channels': 'Send invoices and reminders by',
  'clientForm.section.notes': 'Notes and tags',
  'clientForm.required': '(required)',
  'clientForm.create': 'Add client',
  'clientForm.save': 'Save changes',
  'clientForm.saving': 'Saving…',
  'clientForm.cancel': 'Cancel',
  'clientForm.errorSummary': 'Please check these fields:',
  'clientForm.errorItem': '{field}: {message}',
  'clientForm.conflict': 'Someone changed this client elsewhere since you opened it. Reload to see the latest details, then make your change again.',
  'clientForm.reload': 'Reload',

  'field.name': 'Name',
  'field.company': 'Company',
  'field.contactName': 'Contact person',
  'field.email': 'Email',
  'field.billingEmail': 'Billing email',
  'field.billingEmail.hint': 'Where invoices go, if not to the email above',
  'field.phone': 'Phone',
  'field.addressLines': 'Street address',
  'field.addressLines.hint': 'One line per row, up to {max} lines',
  'field.city': 'City',
  'field.region': 'State or province',
  'field.postalCode': 'Postal code',
  'field.addressCountry': 'Country',
  'field.country': 'Tax country',
  'field.countryCode.hint': 'Two-letter code, e.g. US or CN',
  'field.taxId': 'Tax ID',
  'field.language': 'Language of letters and emails',
  'field.currency': 'Currency',
  'field.currency.hint': 'Three-letter code, e.g. USD or CNY',
  'field.channels': 'Channels',
  'field.notes': 'Notes',
  'field.tags': 'Tags',
  'field.tags.hint': 'Separate tags with commas',

  'channel.email': 'Email',
  'channel.letter': 'Letter',
  'channel.sms': 'SMS',

  'fieldError.required': 'This field is required',
  'fieldError.too_long': 'At most {max} characters',
  'fieldError.too_short': 'At least {min} characters',
  'fieldError.too_many': 'At most {max} entries',
  'fieldError.too_small': 'Must be at least {min}',
  'fieldError.too_large': 'Must be at most {max}',
  'fieldError.invalid_type': 'This value has the wrong type',
  'fieldError.invalid_choice': 'Choose one of: {choices}',
  'fieldError.invalid_email': 'Enter a valid email address, like name@example.com',
  'fieldError.invalid_currency': 'Unknown currency code; use three letters such as USD or CNY',
  'fieldError.invalid_country': 'Unknown country code; use two letters such as US or CN',
  'fieldError.invalid_date': 'Enter a date as YYYY-MM-DD',
  'fieldError.duplicate': 'Entries must not repeat',
  'fieldError.unknown_field': 'HostLedger does not know this field',
  'fieldError.unknown_reference': 'This does not exist in the book',
  'fieldError.currency_mismatch': "Must be the client's currency",
  'fieldError.date_order': 'This date is out of order with the other dates',
  'fieldError.in_use': 'Already used by another live contract',
  'fieldError.not_allowed': 'Not allowed here',
  'fieldError.invalid': 'This value is not valid',

  'apiError.invalid_input': 'Some details need correcting.',
  'apiError.not_found': 'This record no longer exists.',
  'apiError.conflict': 'This record was changed elsewhere. Reload it, then try again.',
  'apiError.forbidden': 'HostLedger does not allow this from here.',
  'apiError.panel_error': 'The control panel reported a problem: {message}',
  'apiError.unavailable': 'HostLedger cannot be reached right now. Check that it is still running, then try again.',
  'apiError.internal': 'Something went wrong inside HostLedger and nothing was saved. The log has the details under reference {ref}.',
} satisfies Record<string, string> & Record<ErrorKeys, string>;

export type MessageKey = keyof typeof en;
