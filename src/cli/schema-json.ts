/** `scenario schema`: the JSON Schema of the format, generated from the Zod schema. */

import { ScenarioSchema } from '../engine';
import { z } from '../engine/zod';

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}

export function runSchema(out: (line: string) => void): number {
  out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
