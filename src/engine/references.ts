/**
 * Checks a schema-valid scenario for what a schema cannot see: duplicate ids, references to
 * undeclared meters, flags, steps, roles, actors, places and sources, and steps that are not
 * exactly one of choices, council or narrative. Every problem is collected; none is thrown.
 */
import { type Condition, FULL_LENGTH, type Next, type Scenario } from './schema';
import type { PathKey } from './yaml-source';

export interface Finding {
  path: PathKey[];
  message: string;
  code: string;
  severity: 'error' | 'warning';
  atKey?: boolean;
}

type Kind = 'meter' | 'flag' | 'step or ending' | 'choice' | 'role' | 'actor' | 'place' | 'source' | 'step' | 'length';

export interface IdTables {
  meters: Set<string>;
  flags: Set<string>;
  targets: Set<string>;
  steps: Set<string>;
  choices: Set<string>;
  roles: Set<string>;
  actors: Set<string>;
  places: Set<string>;
  sources: Set<string>;
  lengths: Set<string>;
}

export function idTables(s: Scenario): IdTables {
  return {
    meters: new Set(s.meters.map((m) => m.id)),
    flags: new Set(s.flags.map((f) => f.id)),
    targets: new Set([...s.steps.map((x) => x.id), ...s.endings.map((e) => e.id)]),
    steps: new Set(s.steps.map((x) => x.id)),
    choices: new Set(s.steps.flatMap((x) => x.choices.map((c) => c.id))),
    roles: new Set(s.roles.map((r) => r.id)),
    actors: new Set(s.actors.map((a) => a.id)),
    places: new Set(s.places.map((p) => p.id)),
    sources: new Set(s.sources.map((x) => x.id)),
    lengths: new Set([FULL_LENGTH, ...s.lengths.map((l) => l.id)]),
  };
}

/** Edit distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

export function didYouMean(name: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, k);
    if (d < bestScore) {
      best = k;
      bestScore = d;
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

export function checkReferences(s: Scenario): Finding[] {
  const out: Finding[] = [];
  const t = idTables(s);
  const tableOf: Record<Kind, Set<string>> = {
    meter: t.meters,
    flag: t.flags,
    'step or ending': t.targets,
    step: t.steps,
    choice: t.choices,
    role: t.roles,
    actor: t.actors,
    place: t.places,
    source: t.sources,
    length: t.lengths,
  };

  const ref = (kind: Kind, id: string | undefined, path: PathKey[]) => {
    if (id === undefined) return;
    const table = tableOf[kind];
    if (!table.has(id)) {
      out.push({
        path,
        message: `unknown ${kind} "${id}"${didYouMean(id, table)}`,
        code: 'reference',
        severity: 'error',
      });
    }
  };
  const refs = (kind: Kind, ids: readonly string[], path: PathKey[]) => {
    ids.forEach((id, i) => {
      ref(kind, id, [...path, i]);
    });
  };

  const unique = (
    what: string,
    items: readonly { id: string }[],
    path: PathKey[],
    seen = new Map<string, string>(),
  ) => {
    items.forEach((item, i) => {
      const lower = item.id.toLowerCase();
      if (seen.has(lower)) {
        const first = seen.get(lower);
        const msg =
          first === item.id
            ? `duplicate ${what} id "${item.id}"`
            : `${what} id "${item.id}" differs only by case from "${first}"`;
        out.push({ path: [...path, i, 'id'], message: msg, code: 'duplicate-id', severity: 'error' });
      } else {
        seen.set(lower, item.id);
      }
    });
  };

  const condition = (c: Condition, path: PathKey[]): void => {
    if ('meter' in c) ref('meter', c.meter, [...path, 'meter']);
    else if ('flag' in c) ref('flag', c.flag, [...path, 'flag']);
    else if ('chose' in c) ref('choice', c.chose, [...path, 'chose']);
    else if ('visited' in c) ref('step', c.visited, [...path, 'visited']);
    else if ('role' in c) ref('role', c.role, [...path, 'role']);
    else if ('length' in c) ref('length', c.length, [...path, 'length']);
    else if ('all' in c)
      c.all.forEach((x, i) => {
        condition(x, [...path, 'all', i]);
      });
    else if ('any' in c)
      c.any.forEach((x, i) => {
        condition(x, [...path, 'any', i]);
      });
    else if ('not' in c) condition(c.not, [...path, 'not']);
  };

  const next = (n: Next | undefined, path: PathKey[]) => {
    if (n === undefined) return;
    if (typeof n === 'string') {
      ref('step or ending', n, path);
      return;
    }
    n.forEach((b, i) => {
      if (b.when) condition(b.when, [...path, i, 'when']);
      ref('step or ending', b.to, [...path, i, 'to']);
      const last = i === n.length - 1;
      if (last && b.when) {
        out.push({
          path: [...path, i, 'when'],
          message: 'the last branch must have no `when`, so that the run always has a way on',
          code: 'branch-fallback',
          severity: 'error',
          atKey: true,
        });
      }
      if (!last && !b.when) {
        out.push({
          path: [...path, i],
          message: 'a branch without `when` before the last makes the branches after it unreachable',
          code: 'branch-unreachable',
          severity: 'warning',
        });
      }
    });
  };

  const effects = (list: readonly { meter: string }[], path: PathKey[]) => {
    list.forEach((e, i) => {
      ref('meter', e.meter, [...path, i, 'meter']);
    });
  };
  const flagChanges = (x: { set: string[]; clear: string[] }, path: PathKey[]) => {
    refs('flag', x.set, [...path, 'set']);
    refs('flag', x.clear, [...path, 'clear']);
  };

  s.parties.forEach((p, i) => {
    ref('actor', p.actor, ['parties', i, 'actor']);
  });

  // ---- unique ids
  unique('source', s.sources, ['sources']);
  unique('meter', s.meters, ['meters']);
  unique('flag', s.flags, ['flags']);
  unique('actor', s.actors, ['actors']);
  unique('place', s.places, ['places']);
  unique('role', s.roles, ['roles']);
  unique('length', s.lengths, ['lengths']);
  const targetIds = new Map<string, string>();
  unique('step', s.steps, ['steps'], targetIds);
  unique('ending', s.endings, ['endings'], targetIds);
  const choiceIds = new Map<string, string>();
  s.steps.forEach((step, si) => {
    unique('choice', step.choices, ['steps', si, 'choices'], choiceIds);
    unique('event', step.events, ['steps', si, 'events']);
    step.choices.forEach((c, ci) => {
      unique('outcome', c.outcomes, ['steps', si, 'choices', ci, 'outcomes']);
    });
    if (step.council) {
      unique(
        'council member',
        step.council.members.map((m) => ({ id: m.actor })),
        ['steps', si, 'council', 'members'],
      );
    }
  });

  // ---- top level references
  ref('actor', s.host, ['host']);
  if (typeof s.map === 'object') {
    s.map.highlight?.forEach((x, i) => {
      ref('place', x.place, ['map', 'highlight', i, 'place']);
    });
  }
  refs('source', s.teacher.sources, ['teacher', 'sources']);
  s.teacher.glossary.forEach((g, i) => {
    refs('source', g.sources, ['teacher', 'glossary', i, 'sources']);
  });
  s.actors.forEach((a, i) => {
    ref('place', a.place, ['actors', i, 'place']);
    refs('source', a.sources, ['actors', i, 'sources']);
  });
  s.roles.forEach((r, i) => {
    ref('actor', r.actor, ['roles', i, 'actor']);
    ref('step', r.start, ['roles', i, 'start']);
    for (const m of Object.keys(r.objectives)) ref('meter', m, ['roles', i, 'objectives', m]);
  });

  // ---- steps
  s.steps.forEach((step, si) => {
    const p: PathKey[] = ['steps', si];
    ref('place', step.place, [...p, 'place']);
    ref('actor', step.decider, [...p, 'decider']);
    step.moves.forEach((m, mi) => {
      ref('place', m.from, [...p, 'moves', mi, 'from']);
      ref('place', m.to, [...p, 'moves', mi, 'to']);
    });
    refs('source', step.sources, [...p, 'sources']);

    // A step with choices may also have a `next`: the one its choices and outcomes without their own share.
    const kinds = [
      step.choices.length > 0 && 'choices',
      step.council && 'council',
      step.next !== undefined && step.choices.length === 0 && 'next',
    ]
      .filter(Boolean)
      .join(', ');
    if (kinds.split(', ').length !== 1 || kinds === '') {
      out.push({
        path: [...p, 'id'],
        message:
          kinds === ''
            ? `step "${step.id}" needs choices, a council, or a next (for a narrative step)`
            : `step "${step.id}" has ${kinds}: give exactly one of choices, council, next (a step with choices may also have a next its choices share)`,
        code: 'step-kind',
        severity: 'error',
      });
    }

    step.events.forEach((ev, ei) => {
      const ep = [...p, 'events', ei];
      if (ev.when) condition(ev.when, [...ep, 'when']);
      refs('source', ev.sources, [...ep, 'sources']);
      effects(ev.effects, [...ep, 'effects']);
      flagChanges(ev, ep);
    });

    step.choices.forEach((c, ci) => {
      const cp = [...p, 'choices', ci];
      if (c.when) condition(c.when, [...cp, 'when']);
      effects(c.effects, [...cp, 'effects']);
      flagChanges(c, cp);
      next(c.next, [...cp, 'next']);
      c.outcomes.forEach((o, oi) => {
        const op = [...cp, 'outcomes', oi];
        effects(o.effects, [...op, 'effects']);
        flagChanges(o, op);
        next(o.next, [...op, 'next']);
      });
      const shared = step.next !== undefined;
      if (
        !shared &&
        c.next === undefined &&
        (c.outcomes.length === 0 || c.outcomes.some((o) => o.next === undefined))
      ) {
        out.push({
          path: [...cp, 'id'],
          message: `choice "${c.id}" needs a next (or every one of its outcomes needs one, or its step a next its choices share)`,
          code: 'choice-next',
          severity: 'error',
        });
      }
      if (c.outcomes.length > 0 && c.result) {
        out.push({
          path: [...cp, 'result'],
          message: `choice "${c.id}" has outcomes: its result text is never shown (put text on the outcomes)`,
          code: 'result-unused',
          severity: 'warning',
          atKey: true,
        });
      }
    });

    if (step.council) {
      const cp = [...p, 'council'];
      const council = step.council;
      if (council.support_at <= council.object_at) {
        out.push({
          path: [...cp, 'support_at'],
          message: 'support_at must be greater than object_at',
          code: 'council-thresholds',
          severity: 'error',
        });
      }
      council.members.forEach((m, mi) => {
        const mp = [...cp, 'members', mi];
        ref('actor', m.actor, [...mp, 'actor']);
        m.shifts.forEach((sh, shi) => {
          condition(sh.when, [...mp, 'shifts', shi, 'when']);
        });
        refs('source', m.sources, [...mp, 'sources']);
        if (m.lobby) {
          effects(m.lobby.effects, [...mp, 'lobby', 'effects']);
          if (m.lobby.roles) refs('role', m.lobby.roles, [...mp, 'lobby', 'roles']);
          if (m.lobby.when) condition(m.lobby.when, [...mp, 'lobby', 'when']);
        }
      });
      next(council.consensus, [...cp, 'consensus']);
      next(council.blocked, [...cp, 'blocked']);
      for (const key of ['on_consensus', 'on_blocked'] as const) {
        const result = council[key];
        if (!result) continue;
        effects(result.effects, [...cp, key, 'effects']);
        flagChanges(result, [...cp, key]);
      }
      if (council.seat_votes !== false && council.seat_votes !== true) {
        const sitting = council.members.map((m) => m.actor);
        for (const [role, actor] of Object.entries(council.seat_votes)) {
          ref('role', role, [...cp, 'seat_votes', role]);
          if (!sitting.includes(actor)) {
            out.push({
              path: [...cp, 'seat_votes', role],
              message: `seat_votes: "${actor}" is not a member of this Council${didYouMean(actor, sitting)}`,
              code: 'reference',
              severity: 'error',
            });
          }
        }
      }
    }

    next(step.next, [...p, 'next']);

    if (step.history) {
      const hp = [...p, 'history'];
      const h = step.history;
      const options = step.council ? ['consensus', 'blocked'] : step.choices.map((c) => c.id);
      if (h.choice !== undefined && !options.includes(h.choice)) {
        out.push({
          path: [...hp, 'choice'],
          message: `history.choice "${h.choice}" is not ${
            step.council ? 'consensus or blocked (the verdicts of a council step)' : `a choice of step "${step.id}"`
          }${didYouMean(h.choice, options)}`,
          code: 'reference',
          severity: 'error',
        });
      }
      h.also.forEach((id, ai) => {
        if (step.council || !options.includes(id)) {
          out.push({
            path: [...hp, 'also', ai],
            message: `history.also "${id}" is not a choice of step "${step.id}"${didYouMean(id, options)}`,
            code: 'reference',
            severity: 'error',
          });
        }
      });
      refs('source', h.sources, [...hp, 'sources']);
      h.quotes.forEach((q, qi) => {
        ref('source', q.source, [...hp, 'quotes', qi, 'source']);
      });
      if (h.contested && !h.contested_note) {
        out.push({
          path: [...hp, 'contested'],
          message: 'a contested history needs a contested_note saying how the sources disagree',
          code: 'contested-note',
          severity: 'warning',
          atKey: true,
        });
      }
    }
  });

  s.endings.forEach((e, i) => {
    refs('source', e.sources, ['endings', i, 'sources']);
    for (const role of Object.keys(e.tone_for ?? {})) ref('role', role, ['endings', i, 'tone_for', role]);
  });

  return out;
}
