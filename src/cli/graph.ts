/** `scenario graph FILE [--format mermaid|dot]`: the statechart, historical path highlighted. */
import { toDot, toMermaid } from '../authoring/diagram';
import { type ParsedArgs, UsageError } from './args';
import type { Cli } from './io';
import { loadOrReport } from './read-scenario';

export function runGraph(args: ParsedArgs, cli: Cli): number {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('graph needs exactly one FILE');
  const format = args.options.get('format') ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw new UsageError('--format is mermaid or dot');
  const scenario = loadOrReport(cli, file);
  if (!scenario) return 1;
  cli.write(format === 'dot' ? toDot(scenario) : toMermaid(scenario));
  return 0;
}
