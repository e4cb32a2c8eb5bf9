// What went wrong with a document's input and how it was handled. The document still renders (a
// fallback is drawn where the input failed); the caller shows these to the user, in their
// language, from the code and the field.

export type RenderWarningCode =
  /** Logo bytes are empty: rendered without a logo. */
  | 'logo_missing'
  /** Logo bytes are not a readable PNG or JPEG: rendered without a logo. */
  | 'logo_unreadable'
  /** An address line was too wide for the envelope window: cut with an ellipsis. */
  | 'address_line_truncated'
  /** The address had more lines than the window holds: the last line shown ends with an ellipsis. */
  | 'address_too_many_lines'
  /** A one-line text (a table cell, a company line) was too wide: cut with an ellipsis. */
  | 'text_truncated'
  /** A character the font has no glyph for: drawn as "□". */
  | 'glyph_missing'
  /** No payment details set: a visible line says so. */
  | 'payment_details_missing'
  /** A label the layout needs was not in `labels`: its key is printed instead. */
  | 'label_missing';

export interface RenderWarning {
  code: RenderWarningCode;
  /** Where in the model, e.g. `recipient.addressLines.2`, `lines.14.description`, `company.logo`. */
  field: string;
  /** The character the font lacks (glyph_missing only), and its code point as U+XXXX. */
  character?: string;
  codePoint?: string;
}

/** Collects warnings once each (a character missing in one field is reported once). */
export class WarningList {
  private readonly seen = new Set<string>();
  readonly items: RenderWarning[] = [];

  add(warning: RenderWarning): void {
    const key = `${warning.code}|${warning.field}|${warning.character ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(warning);
  }
}
