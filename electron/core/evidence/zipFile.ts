// The evidence bundle's ZIP, made so the same files give the same bytes: files in the order given,
// every entry dated midnight of the bundle's last day in DOS time only (no extra timestamp field,
// and built from local date parts so the machine's time zone cannot shift it), one file mode, one
// compression level. A lawyer can make it again from the same books and compare one hash.
import yazl from 'yazl';
import type { BundleFile } from './csvFiles.js';

export function zipFiles(files: readonly BundleFile[], dated: string): Promise<Buffer> {
  const [year, month, day] = dated.split('-').map(Number) as [number, number, number];
  // DOS dates start in 1980.
  const mtime = new Date(Math.max(year, 1980), month - 1, day, 0, 0, 0);
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(file.bytes, file.path, { mtime, mode: 0o100644, compress: true, compressionLevel: 9, forceDosTimestamp: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}
