// The PDF layer's public face: documents service, batch printing and benchmarks import from here.
export { renderDocument, documentDate, type RenderedDocument } from './renderDocument.js';
export { renderBatch, renderBatchHere, BatchCancelled, PDF_WORKER_LIMITS, type BatchOptions, type BatchResult, type BatchDocument } from './batch.js';
export { registerRows, type RegisterRow } from './register.js';
export { loadFonts, fontBytes, useFontBytes, type Fonts, type FontBytes } from './fonts.js';
export { labelKeysFor, type LabelKey } from './labels.js';
export { addressField, foldMarks } from './geometry.js';
export type { RenderWarning, RenderWarningCode } from './warnings.js';
