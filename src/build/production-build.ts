/**
 * `vite build` as `npm run build` runs it, from whatever process calls it. Vite chooses between
 * packages' production and development builds (the `development|production` export condition), and
 * what `process.env.NODE_ENV` reads in the bundle, from the environment's NODE_ENV. A test runner
 * sets it to `test`: the browser tests were served XState's development build, with checks and
 * warnings no player gets. This builds with NODE_ENV `production`, then puts the old value back.
 */
import { build, type InlineConfig } from 'vite';

export async function productionBuild(config: InlineConfig): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(config);
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
