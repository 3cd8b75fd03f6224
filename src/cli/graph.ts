/** `scenario graph FILE [--format mermaid|dot]`: the statechart, historical path highlighted. */
import { toDot, toMermaid } from '../authoring/diagram';
import { formatDiagnostic } from '../engine';
import { type ParsedArgs, UsageError } from './args';
import { loadScenarioFile } from './read-scenario';

export function runGraph(args: ParsedArgs, out: (...lines: string[]) => void): number {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('graph needs exactly one FILE');
  const format = args.options.get('format') ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw new UsageError('--format is mermaid or dot');
  const r = loadScenarioFile(file);
  if (!r.ok) {
    out(...r.errors.map(formatDiagnostic));
    return 1;
  }
  process.stdout.write(format === 'dot' ? toDot(r.scenario) : toMermaid(r.scenario));
  return 0;
}
