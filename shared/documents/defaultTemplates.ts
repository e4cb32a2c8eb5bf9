// The wording every book starts with, per letter kind and language (GLOSSARY.md: courteous, never
// threatening; amounts, dates and what happens next stated plainly; how to pay, whom to contact;
// a payment plan offered before any suspension; Chinese reminders open with 温馨提示 and close with
// thanks). A reseller edits them per language; "reset" brings these back as a new version.
// The page lays a letter out as: body up to the table, the table, the payment details (every
// letter but the receipt), then the rest of the body and the sign-off — so the defaults ask for
// payment just before the table and leave {{payment.details}} to the page.
import type { Language } from '../domain/language.js';
import type { LetterKind } from './kinds.js';

export interface TemplateText {
  subject: string;
  body: string;
}

const en: Record<LetterKind, TemplateText> = {
  reminder: {
    subject: 'Friendly reminder: {{amount.due}} due on {{date.due}}',
    body: `Dear {{client.contact}},

This is a friendly reminder that {{amount.due}} for your services with {{company.name}} is due on {{date.due}}. If you have already paid, thank you, and please disregard this letter. Otherwise, please pay using the details below, quoting the invoice number.

{{invoices.open}}

If you have any questions about your invoice, or would like to pay in instalments, please contact us at {{company.contact}}. We are happy to help.

Thank you for your business.`,
  },
  first_notice: {
    subject: 'Overdue notice: {{amount.overdue}} was due on {{date.due}}',
    body: `Dear {{client.contact}},

According to our records, {{amount.overdue}} for your services was due on {{date.due}} and has not yet reached us; it is now {{days.overdue}} days overdue. This may simply have been overlooked, so we are writing to let you know.

Please pay the outstanding balance of {{amount.due}} as soon as you can, using the details below and quoting the invoice number. If you have already paid, thank you, and please disregard this notice.

{{invoices.open}}

If paying the full amount at once is difficult, please contact us at {{company.contact}}: we can agree a payment plan with you.

Thank you for your attention.`,
  },
  second_notice: {
    subject: 'Second notice: {{amount.due}} outstanding',
    body: `Dear {{client.contact}},

We wrote to you recently about the overdue balance on your account. As we have not yet received your payment, we are writing again. Under the payment terms of your contract a late fee of {{amount.lateFee}} has been charged, so the balance is now {{amount.due}}.

Please pay {{amount.due}} as soon as possible, using the details below.

{{invoices.open}}

If you are having difficulty paying, please tell us at {{company.contact}}. We would much rather agree a payment plan with you than interrupt your service.

Thank you for your prompt attention.`,
  },
  restriction_notice: {
    subject: 'Your service has been temporarily restricted',
    body: `Dear {{client.contact}},

Because {{amount.overdue}} on your account is still unpaid ({{days.overdue}} days overdue), we have temporarily restricted your service: {{restriction.text}}

Your account and your data are safe; nothing has been deleted. The restriction is lifted automatically as soon as your payment of {{amount.due}} is recorded. You can pay using the details below.

{{invoices.open}}

If you cannot pay the full amount now, please contact us at {{company.contact}}. We can agree a payment plan with you so that your service is not suspended.

Thank you for your understanding.`,
  },
  final_notice: {
    subject: 'Final notice: please pay {{amount.due}} by {{date.suspension}}',
    body: `Dear {{client.contact}},

Despite our earlier letters, {{amount.overdue}} on your account is still unpaid; the oldest invoice is {{days.overdue}} days overdue.

If we have not received your payment by {{date.suspension}}, your service will be suspended on that date. We would very much like to avoid this: to keep your service running, please pay {{amount.due}} using the details below.

{{invoices.open}}

If you cannot pay the full amount by then, please contact us at {{company.contact}} before {{date.suspension}}. We can agree a payment plan with you, and your service will not be suspended while the plan is kept.

Thank you for your understanding.`,
  },
  suspension_notice: {
    subject: 'Your service has been suspended',
    body: `Dear {{client.contact}},

As the balance of {{amount.due}} on your account remained unpaid, your service was suspended on {{date.suspension}}, as announced in our final notice. Your data has been kept; nothing has been deleted.

Your service will be restored as soon as your payment is recorded. You can pay using the details below.

{{invoices.open}}

If you would like to agree a payment plan, or you believe this notice is a mistake, please contact us at {{company.contact}}. We will gladly help you get back online.

Thank you for your understanding.`,
  },
  termination_letter: {
    subject: 'Notice of termination of your service on {{date.termination}}',
    body: `Dear {{client.contact}},

Despite our previous letters, the balance of {{amount.due}} on your account is still unpaid; the oldest invoice is {{days.overdue}} days overdue.

We therefore intend to terminate your service and contract on {{date.termination}}. After that date your data can no longer be restored. If the balance is still unpaid then, we may have to pass the matter to a collections agency or pursue it by legal means.

You can still avoid this: if your payment of {{amount.due}} reaches us before {{date.termination}}, we will restore your service. The payment details are below.

{{invoices.open}}

If you would like to discuss the balance or agree a payment plan, please contact us at {{company.contact}} before {{date.termination}}.`,
  },
  payment_plan_agreement: {
    subject: 'Payment plan agreement',
    body: `Dear {{client.contact}},

Thank you for agreeing a payment plan with us. This agreement sets out how the balance of {{plan.total}} will be paid: in {{plan.count}} instalments, the first due on {{plan.first}}. Please pay each instalment by its date, using the details below.

{{plan.installments}}

While the instalments are paid on time, we will send no further reminders about these invoices and your service continues as normal. If an instalment is going to be late, please tell us at {{company.contact}} before its date, so that we can find a solution together.

Please sign both copies below and return one to us.`,
  },
  receipt: {
    subject: 'Receipt: thank you for your payment',
    body: `Dear {{client.contact}},

Thank you for your payment of {{payment.amount}}, received on {{payment.date}} (reference: {{payment.reference}}).

Your overdue balance is now cleared, and any restriction or suspension of your service because of it has been lifted. The balance still open on your account is {{amount.due}}.

If you have any questions about your account, please contact us at {{company.contact}}.

Thank you for your continued trust.`,
  },
};

const zhCN: Record<LetterKind, TemplateText> = {
  reminder: {
    subject: '温馨提示：您的账单 {{amount.due}} 将于 {{date.due}} 到期',
    body: `尊敬的 {{client.contact}}：

温馨提示：您在{{company.name}}的服务费用 {{amount.due}} 将于 {{date.due}} 到期。如您已付款，请忽略本函，谢谢！如尚未付款，请按下方的付款方式付款，并注明账单编号。

{{invoices.open}}

如对账单有任何疑问，或希望分期付款，请通过 {{company.contact}} 与我们联系，我们乐意为您安排。

感谢您一直以来的支持与信任！`,
  },
  first_notice: {
    subject: '催缴通知：{{amount.overdue}} 已于 {{date.due}} 到期',
    body: `尊敬的 {{client.contact}}：

温馨提示：根据我们的记录，您的服务费用 {{amount.overdue}} 已于 {{date.due}} 到期，目前已逾期 {{days.overdue}} 天，我们尚未收到您的付款。可能是您一时疏忽，特此函告。

请您尽快按下方的付款方式支付欠费 {{amount.due}}，并注明账单编号。如您已付款，请忽略本通知。

{{invoices.open}}

如一次性付清有困难，请通过 {{company.contact}} 与我们联系，我们可以与您商定还款计划。

感谢您的理解与支持！`,
  },
  second_notice: {
    subject: '第二次催缴通知：欠费 {{amount.due}}',
    body: `尊敬的 {{client.contact}}：

温馨提示：我们此前已就您账户的逾期款项致函，但至今尚未收到您的付款。根据合同的付款条款，已产生滞纳金 {{amount.lateFee}}，您目前的欠费合计 {{amount.due}}。

请您尽快按下方的付款方式支付 {{amount.due}}。

{{invoices.open}}

如您付款遇到困难，请通过 {{company.contact}} 告知我们。相比中断您的服务，我们更希望与您商定还款计划。

感谢您的配合与支持！`,
  },
  restriction_notice: {
    subject: '临时服务限制通知',
    body: `尊敬的 {{client.contact}}：

由于您账户中 {{amount.overdue}} 的欠费仍未支付（已逾期 {{days.overdue}} 天），我们已对您的服务采取临时服务限制：{{restriction.text}}

您的账户和数据均安全，没有任何数据被删除。一旦登记收到您的付款 {{amount.due}}，限制将自动解除。付款方式见下方。

{{invoices.open}}

如您暂时无法付清全部款项，请通过 {{company.contact}} 与我们联系。我们可以与您商定还款计划，避免服务被暂停。

感谢您的理解与支持！`,
  },
  final_notice: {
    subject: '最后催缴通知：请于 {{date.suspension}} 前支付 {{amount.due}}',
    body: `尊敬的 {{client.contact}}：

我们此前已多次致函，但您账户中 {{amount.overdue}} 的欠费仍未支付，最早一张账单已逾期 {{days.overdue}} 天。

如在 {{date.suspension}} 前仍未收到您的付款，您的服务将于当日暂停。我们非常希望避免这种情况：为保证服务正常运行，请按下方的付款方式支付 {{amount.due}}。

{{invoices.open}}

如您无法在此之前付清全部款项，请在 {{date.suspension}} 前通过 {{company.contact}} 与我们联系。我们可以与您商定还款计划，计划正常履行期间您的服务不会被暂停。

感谢您的理解与支持！`,
  },
  suspension_notice: {
    subject: '暂停服务通知',
    body: `尊敬的 {{client.contact}}：

由于您账户中 {{amount.due}} 的欠费仍未支付，按照最后催缴通知所述，您的服务已于 {{date.suspension}} 暂停。您的数据已妥善保留，没有被删除。

一旦登记收到您的付款，我们将为您恢复服务。付款方式见下方。

{{invoices.open}}

如您希望商定还款计划，或认为本通知有误，请通过 {{company.contact}} 与我们联系，我们将尽力协助您尽快恢复服务。

感谢您的理解与支持！`,
  },
  termination_letter: {
    subject: '终止服务通知：{{date.termination}}',
    body: `尊敬的 {{client.contact}}：

尽管我们此前多次致函，您账户中 {{amount.due}} 的欠费仍未支付，最早一张账单已逾期 {{days.overdue}} 天。

因此，我们拟于 {{date.termination}} 终止您的服务及合同。此后您的数据将无法恢复。如届时欠费仍未结清，我们可能需要委托催收机构或通过法律途径处理。

您仍可避免这一结果：只要在 {{date.termination}} 前收到您支付的 {{amount.due}}，我们将为您恢复服务。付款方式见下方。

{{invoices.open}}

如您希望沟通欠费事宜或商定还款计划，请在 {{date.termination}} 前通过 {{company.contact}} 与我们联系。`,
  },
  payment_plan_agreement: {
    subject: '还款计划协议',
    body: `尊敬的 {{client.contact}}：

感谢您与我们商定还款计划。本协议列明欠费 {{plan.total}} 的还款安排：共分 {{plan.count}} 期，第一期于 {{plan.first}} 到期。请按期通过下方的付款方式付款。

{{plan.installments}}

只要按时支付各期款项，我们将不再就这些账单发送催缴通知，您的服务也将照常运行。如某一期可能延迟，请在到期日前通过 {{company.contact}} 告知我们，以便共同商量解决办法。

请在下方签字，一份寄回我方，一份由您留存。感谢您的信任与支持！`,
  },
  receipt: {
    subject: '收款确认：感谢您的付款',
    body: `尊敬的 {{client.contact}}：

我们已于 {{payment.date}} 收到您的付款 {{payment.amount}}（参考号：{{payment.reference}}），衷心感谢！

您的逾期欠费现已结清，因欠费而对您的服务采取的限制或暂停均已解除。您账户目前仍未支付的余额为 {{amount.due}}。

如对账户有任何疑问，请通过 {{company.contact}} 与我们联系。

感谢您一直以来的支持与信任！`,
  },
};

export const DEFAULT_TEMPLATES: Record<Language, Record<LetterKind, TemplateText>> = { en, 'zh-CN': zhCN };
