/** `scenario schema`: the JSON Schema of the format, generated from the Zod schema. */
import { z } from 'zod';
import { ScenarioSchema } from '../engine';

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}

export function runSchema(out: (line: string) => void): number {
  out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
