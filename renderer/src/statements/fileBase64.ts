// A chosen file's bytes as base64, for methods that must see the bytes themselves: a statement
// from Alipay is GBK, which only the backend decodes (the browser would read it as UTF-8 garbage).
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
