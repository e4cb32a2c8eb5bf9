// The renderer loads shared/ modules that define zod schemas. Unless told otherwise, zod probes
// for `new Function` when it builds an object schema; the CSP (script-src 'self', no eval) blocks
// it, and the browser reports that as a security violation even though zod copes. Jitless mode
// skips the probe. It must run before those modules, so main.tsx imports this file first.
import { z } from 'zod';

z.config({ jitless: true });
