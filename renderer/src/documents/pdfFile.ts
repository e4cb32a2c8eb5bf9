// A PDF the backend made, in the browser: its bytes arrive as base64 in the API's JSON answer and
// become a Blob URL, which the browser can show in a tab, save under a file name, or print from a
// hidden frame. Blob URLs stay on this machine and in this origin: nothing is uploaded or served.
// (The CSP allows `frame-src blob:` for the print frame; see electron/core/rendererAssets.ts.)

/** The bytes of base64 text (atob gives one character per byte). */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** A Blob URL for a file's bytes; the caller revokes it (URL.revokeObjectURL) when done. */
export const blobUrlOf = (content: Uint8Array<ArrayBuffer> | string, type: string): string => URL.createObjectURL(new Blob([content], { type }));

/**
 * Whether this window can show and print a PDF itself. Browser mode can (a tab, a frame, the
 * browser's viewer). The desktop app's window opens no other windows and navigates no frame away
 * from app:// (its security checklist), and has no PDF viewer, so there a PDF is saved — through
 * the system's save dialog — and opened or printed from there.
 */
export const canShowPdf = (): boolean => window.hostledger === undefined;

/** Saves a Blob URL under a file name, through the browser's download (the desktop app's save dialog). */
export function saveFile(url: string, fileName: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Shows the PDF in a new tab with the browser's own viewer (which can also save and print it).
 * False when the browser did not open one (a pop-up blocker, or the desktop app, which opens no
 * windows): the caller then offers the file to save instead.
 */
export function openInNewTab(url: string): boolean {
  return window.open(url, '_blank') !== null;
}

/**
 * Prints the PDF from a hidden frame: the browser's print dialog for the document itself, not for
 * this screen. The frame stays until the next print or until the page goes, because closing it
 * while the print dialog is open would cancel the print.
 */
export function printPdf(url: string) {
  document.getElementById('pdf-print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'pdf-print-frame';
  frame.className = 'print-frame';
  frame.title = 'PDF';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.src = url;
  document.body.append(frame);
}
