import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A new entity id such as `cl_8f3k2m9q1x7d4t6w`: a prefix naming the kind, then 16 random
 * characters (80 bits), so ids never collide and never reveal how many records exist.
 */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = `${prefix}_`;
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}
