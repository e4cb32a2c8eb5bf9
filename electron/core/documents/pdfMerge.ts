// Puts PDFs that HostLedger wrote (pdfkit: a classic xref table, one flat page tree) one after
// the other in a single PDF, pages untouched. A batch is then exactly the archived letters it
// contains — the same bytes in their content streams — and reprinting archived documents needs no
// second rendering. Not a general PDF merger: files with cross-reference streams are refused.

export interface PdfPart {
  bytes: Uint8Array;
}

interface ParsedPdf {
  /** Object number → its bytes without the `N 0 obj` header and `endobj` trailer. */
  objects: Map<number, Buffer>;
  root: number;
  pagesRoot: number;
  pages: number[];
}

const REF = /(\d+) 0 R\b/g;

function parse(bytes: Uint8Array, which: number): ParsedPdf {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = buf.toString('latin1', Math.max(0, buf.length - 1024));
  const startMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startMatch) throw new Error(`document ${which} is not a complete PDF`);
  const xrefAt = Number(startMatch[1]);
  const xrefText = buf.toString('latin1', xrefAt, buf.length);
  const head = /^xref\s+0 (\d+)\s+/.exec(xrefText);
  if (!head) throw new Error(`document ${which} has no classic cross-reference table`);
  const count = Number(head[1]);
  const offsets: Array<[number, number]> = [];
  let at = head[0].length;
  for (let n = 0; n < count; n += 1) {
    const entry = xrefText.slice(at, at + 20);
    at += 20;
    if (entry[17] === 'n') offsets.push([n, Number(entry.slice(0, 10))]);
  }
  const trailer = xrefText.slice(at);
  const rootMatch = /\/Root (\d+) 0 R/.exec(trailer);
  if (!rootMatch) throw new Error(`document ${which} has no catalog`);

  offsets.sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, Buffer>();
  offsets.forEach(([number, offset], i) => {
    const end = i + 1 < offsets.length ? offsets[i + 1]![1] : xrefAt;
    const raw = buf.subarray(offset, end);
    const header = /^(\d+) 0 obj\s*/.exec(raw.toString('latin1', 0, 32));
    const close = raw.lastIndexOf('endobj');
    if (!header || Number(header[1]) !== number || close < 0) throw new Error(`document ${which}: object ${number} is not where the table says`);
    objects.set(number, raw.subarray(header[0].length, close));
  });

  const dict = (number: number) => {
    const body = objects.get(number);
    if (!body) throw new Error(`document ${which}: object ${number} is missing`);
    return body.toString('latin1', 0, Math.min(body.length, 4096));
  };
  const root = Number(rootMatch[1]);
  const pagesMatch = /\/Pages (\d+) 0 R/.exec(dict(root));
  if (!pagesMatch) throw new Error(`document ${which} has no page tree`);
  const pagesRoot = Number(pagesMatch[1]);
  const pages: number[] = [];
  const walk = (node: number) => {
    const text = dict(node);
    if (/\/Type\s*\/Page\b/.test(text)) {
      pages.push(node);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(text);
    for (const match of (kids?.[1] ?? '').matchAll(REF)) walk(Number(match[1]));
  };
  walk(pagesRoot);
  return { objects, root, pagesRoot, pages };
}

/** Renumbers the references in an object's dictionary part; stream data is left as it is. */
function renumber(body: Buffer, map: (n: number) => number, parent: number | null): Buffer {
  const streamAt = body.indexOf('stream');
  const dictEnd = streamAt >= 0 && /^\s*<</.test(body.toString('latin1', 0, 8)) ? streamAt : body.length;
  const text = body.toString('latin1', 0, dictEnd);
  // A string object (the document info's texts) holds no references.
  if (/^\s*[(<](?!<)/.test(text)) return body;
  let replaced = text.replace(REF, (_, n: string) => `${map(Number(n))} 0 R`);
  if (parent !== null) replaced = replaced.replace(/\/Parent \d+ 0 R/, `/Parent ${parent} 0 R`);
  return Buffer.concat([Buffer.from(replaced, 'latin1'), body.subarray(dictEnd)]);
}

/** UTF-16BE hex, so any title (Chinese included) is a valid PDF text string. */
const pdfText = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

export function mergePdfs(parts: readonly Uint8Array[], title: string): { bytes: Uint8Array; pages: number; firstPages: number[] } {
  if (parts.length === 0) throw new Error('nothing to merge');
  const parsed = parts.map((bytes, i) => parse(bytes, i + 1));
  let next = 1;
  const pagesNumber = next++;
  const catalogNumber = next++;
  const infoNumber = next++;
  const numbering = parsed.map((pdf) => {
    const map = new Map<number, number>();
    for (const number of pdf.objects.keys()) if (number !== pdf.root && number !== pdf.pagesRoot) map.set(number, next++);
    return map;
  });

  const chunks: Buffer[] = [];
  const offsets = new Map<number, number>();
  let length = 0;
  const write = (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(buffer);
    length += buffer.length;
  };
  const object = (number: number, body: Buffer | string) => {
    offsets.set(number, length);
    write(`${number} 0 obj\n`);
    write(body);
    write('\nendobj\n');
  };

  write('%PDF-1.3\n%\xff\xff\xff\xff\n');
  const kids: number[] = [];
  const firstPages: number[] = [];
  parsed.forEach((pdf, i) => {
    const map = numbering[i]!;
    // References to the dropped catalog or page tree (none are expected) point at the new page tree.
    const to = (n: number) => map.get(n) ?? pagesNumber;
    firstPages.push(kids.length + 1);
    const pageSet = new Set(pdf.pages);
    for (const [number, body] of pdf.objects) {
      if (!map.has(number)) continue;
      object(map.get(number)!, renumber(body, to, pageSet.has(number) ? pagesNumber : null));
    }
    kids.push(...pdf.pages.map((page) => map.get(page)!));
  });
  object(pagesNumber, `<<\n/Type /Pages\n/Count ${kids.length}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]\n>>`);
  object(catalogNumber, `<<\n/Type /Catalog\n/Pages ${pagesNumber} 0 R\n>>`);
  object(infoNumber, `<<\n/Title ${pdfText(title)}\n/Producer ${pdfText('HostLedger')}\n/Creator ${pdfText('HostLedger')}\n>>`);

  const xrefAt = length;
  const size = next;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n += 1) xref += `${String(offsets.get(n)!).padStart(10, '0')} 00000 n \n`;
  write(xref);
  write(`trailer\n<<\n/Size ${size}\n/Root ${catalogNumber} 0 R\n/Info ${infoNumber} 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  const all = Buffer.concat(chunks);
  return { bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength), pages: kids.length, firstPages };
}
