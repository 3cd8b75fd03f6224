/** `scenario schema`: the JSON Schema of the format, generated from the Zod schema. */

import { ScenarioSchema } from '../engine';
import { z } from '../engine/zod';
import type { Cli } from './io';
import { safeJson } from './safe-text';

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}

export function runSchema(cli: Cli): number {
  cli.out(safeJson(scenarioJsonSchema()));
  return 0;
}
