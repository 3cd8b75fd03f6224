/**
 * The rules of a scenario, and their hash. Saves and result files carry `rulesHash`: a run can be
 * resumed or replayed exactly as long as what decides play is unchanged, whatever happened to the
 * prose. `scenarioRules` is an explicit projection: every field is picked by name, so a field
 * added to the schema enters the hash only when it is added here.
 *
 * In the rules: the scenario format version, ids, conditions, effects (meter and delta), flags set
 * and cleared, outcomes and their weights, events and their chances, `next` targets (a step's `next`
 * shared by its choices counted on each choice that takes it), the Council
 * (members, leans, shifts, thresholds, lobbying, its costs and who may lobby, consensus and blocked
 * targets and what each result does, the seats that cast their own member's vote),
 * meters' ranges and starts, flags' starts, seats' first steps and objective weights (the seat's
 * score), lengths' ids, endings' ids, and the order of all of these (the seeded draws follow it).
 *
 * Not in the rules: titles, texts and short texts, labels, details, results, reasons, descriptions,
 * dates, places, map moves, deciders, phases, history and quotes, sources, actors (their words and
 * map places; a Council member's actor id is in the rules), seats' actors, tones,
 * `counterfactual` and `historical` marks, teacher material, glossary, related cases, lengths'
 * labels and word budgets, meters' colours (`higher_is`).
 */
import type { Choice, Condition, Effect, Next, Outcome, Scenario, Step } from './schema';

/** FNV-1a over a string: 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function condition(c: Condition | undefined): unknown {
  if (c === undefined) return null;
  if ('meter' in c) return { meter: c.meter, gt: c.gt, gte: c.gte, lt: c.lt, lte: c.lte, eq: c.eq };
  if ('flag' in c) return { flag: c.flag, is: c.is ?? true };
  if ('chose' in c) return { chose: c.chose };
  if ('visited' in c) return { visited: c.visited };
  if ('role' in c) return { role: c.role };
  if ('length' in c) return { length: c.length };
  if ('decisions' in c) return { decisions: { gte: c.decisions.gte, lte: c.decisions.lte } };
  if ('all' in c) return { all: c.all.map(condition) };
  if ('any' in c) return { any: c.any.map(condition) };
  return { not: condition(c.not) };
}

const effects = (list: readonly Effect[]) => list.map((e) => ({ meter: e.meter, delta: e.delta }));

function next(n: Next | undefined): unknown {
  if (n === undefined) return null;
  if (typeof n === 'string') return n;
  return n.map((b) => ({ when: condition(b.when), to: b.to }));
}

const flagChanges = (x: { set: readonly string[]; clear: readonly string[] }) => ({
  set: [...x.set],
  clear: [...x.clear],
});

const outcome = (o: Outcome) => ({
  id: o.id,
  weight: o.weight,
  effects: effects(o.effects),
  ...flagChanges(o),
  next: next(o.next),
});

// A step's `next` shared by its choices is hashed on each choice that takes it (and not on the
// step), so a case written with the shared form has the rules, and the hash, of the same case with
// the `next` repeated on each choice: rewriting one as the other keeps its saves valid.
const choice = (c: Choice, shared: Next | undefined) => ({
  id: c.id,
  when: condition(c.when),
  effects: effects(c.effects),
  ...flagChanges(c),
  outcomes: c.outcomes.map(outcome),
  next: next(c.next ?? shared),
});

function council(c: Step['council']): unknown {
  if (!c) return null;
  return {
    support_at: c.support_at,
    object_at: c.object_at,
    members: c.members.map((m) => ({
      actor: m.actor,
      lean: m.lean,
      shifts: m.shifts.map((s) => ({ when: condition(s.when), add: s.add })),
      lobby: m.lobby
        ? {
            add: m.lobby.add,
            effects: effects(m.lobby.effects),
            // Later fields enter only when given, so the hashes of cases without them stay as they were.
            ...(m.lobby.roles ? { roles: m.lobby.roles } : {}),
            ...(m.lobby.when ? { when: condition(m.lobby.when) } : {}),
          }
        : null,
    })),
    consensus: next(c.consensus),
    blocked: next(c.blocked),
    ...(c.on_consensus
      ? { on_consensus: { effects: effects(c.on_consensus.effects), ...flagChanges(c.on_consensus) } }
      : {}),
    ...(c.on_blocked ? { on_blocked: { effects: effects(c.on_blocked.effects), ...flagChanges(c.on_blocked) } } : {}),
    ...(c.seat_votes !== false ? { seat_votes: c.seat_votes } : {}),
  };
}

const step = (s: Step) => ({
  id: s.id,
  events: s.events.map((e) => ({
    id: e.id,
    when: condition(e.when),
    chance: e.chance ?? null,
    effects: effects(e.effects),
    ...flagChanges(e),
  })),
  choices: s.choices.map((c) => choice(c, s.next)),
  council: council(s.council),
  next: s.choices.length > 0 ? null : next(s.next),
});

/** What decides play in a scenario, and nothing else: the object `rulesHash` hashes. */
export function scenarioRules(s: Scenario) {
  return {
    format: s.format,
    id: s.id,
    meters: s.meters.map((m) => ({ id: m.id, min: m.min, max: m.max, start: m.start })),
    flags: s.flags.map((f) => ({ id: f.id, start: f.start })),
    roles: s.roles.map((r) => ({
      id: r.id,
      start: r.start,
      // Sorted: the weights are a record, and YAML key order is not a rule.
      objectives: Object.entries(r.objectives).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    })),
    lengths: s.lengths.map((l) => l.id),
    steps: s.steps.map(step),
    endings: s.endings.map((e) => e.id),
  };
}

/**
 * FNV-1a over the scenario's rules (see `scenarioRules`): the same for two versions of a case
 * that differ only in prose, different when any rule differs.
 */
export function rulesHash(s: Scenario): string {
  return fnv1a(JSON.stringify(scenarioRules(s)));
}
