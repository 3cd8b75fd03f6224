/** Builds the static site once for all browser tests and serves it from a subfolder on 127.0.0.1. */
import type { TestProject } from 'vitest/node';
import { buildAndServe, requireChromium } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    siteOrigin: string;
    /** The folder of that build (tests/browser/offline.test.ts serves it again on a port of its own). */
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  const site = await buildAndServe();
  project.provide('siteOrigin', site.origin);
  project.provide('siteDir', site.dir);
  return () => site.stop();
}
