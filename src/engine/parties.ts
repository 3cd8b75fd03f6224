/**
 * The parties to a crisis (requesting, accused, affected), read by the Council's view and by the
 * map. Pure, and with type imports only, so the game's first screen can draw the map without
 * loading the scenario schema (Zod).
 */
import type { Scenario } from './schema';
import type { PartyRole } from './schema-steps';

/**
 * The parties to the crisis: the case's `parties`, and its `host` as the requesting party unless
 * `parties` lists it. Each actor once (the first listing counts).
 */
export function partiesOf(s: Pick<Scenario, 'parties' | 'host'>): { actor: string; role: PartyRole }[] {
  const out: { actor: string; role: PartyRole }[] = [];
  for (const p of s.parties ?? [])
    if (!out.some((x) => x.actor === p.actor)) out.push({ actor: p.actor, role: p.role });
  if (s.host && !out.some((x) => x.actor === s.host)) out.unshift({ actor: s.host, role: 'requesting' });
  return out;
}
