/**
 * Zod, as every schema of the game uses it. Zod compiles object parsers with `new Function`
 * when it may; the built site forbids eval in its Content-Security-Policy, and trying would
 * log a violation, so schemas are built without it. Import `z` from here, never from 'zod'.
 */
// biome-ignore lint/style/noRestrictedImports: the one module that imports zod itself.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
