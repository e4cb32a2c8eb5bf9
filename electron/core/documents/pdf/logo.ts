// The reseller's logo, checked before pdfkit sees it: pdfkit decodes a PNG's pixels in a callback
// after `image()` returns, so broken image data would surface as an uncaught error later instead
// of a warning now. A PNG is accepted when its chunks are whole (CRCs right) and its image data
// inflates; a JPEG when its markers lead to a frame header.
import { inflateSync, crc32 } from 'node:zlib';

export type LogoCheck = { ok: true; format: 'png' | 'jpeg' } | { ok: false; reason: 'empty' | 'unreadable' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function checkPng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let header = false;
  const data: Uint8Array[] = [];
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return false;
    const crc = view.getUint32(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc) return false;
    if (type === 'IHDR') header = length === 13 && view.getUint32(at + 8) > 0 && view.getUint32(at + 12) > 0;
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header || data.length === 0) return false;
  try {
    return inflateSync(Buffer.concat(data)).length > 0;
  } catch {
    return false;
  }
}

function checkJpeg(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1];
    // Start-of-frame markers (except DHT 0xC4, JPG 0xC8, DAC 0xCC) carry the image size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return at + 9 <= bytes.length;
    at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
  }
  return false;
}

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return checkPng(bytes) ? { ok: true, format: 'png' } : { ok: false, reason: 'unreadable' };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes) ? { ok: true, format: 'jpeg' } : { ok: false, reason: 'unreadable' };
  return { ok: false, reason: 'unreadable' };
}
