/**
 * Saves and result files that survive: golden fixtures of the formats older versions wrote
 * (tests/fixtures/golden, see its README) restore with today's code, after a change of the case's
 * prose too; a change of its rules is refused with a message for the player. The rules hash covers
 * exactly what decides play.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseResultFile, RESULT_VERSION, replayResult } from '../../src/classroom';
import { RESULT_MIGRATIONS } from '../../src/classroom/result-file';
import { Game, loadScenario, SaveError, type Scenario } from '../../src/engine';
import { type MigrationChain, migrate, missingSteps } from '../../src/engine/migrations';
import {
  rulesHash,
  SAVE_MIGRATIONS,
  SAVE_VERSION,
  type SaveData,
  SaveMessage,
  scenarioHash,
} from '../../src/engine/save';
import { StorageKey } from '../../src/ui/keys';
import { readSave, runMeta, STORED_MIGRATIONS, STORED_VERSION } from '../../src/ui/save-store';
import type { KeyValue } from '../../src/ui/storage';
import { fixture, loadFixture, loadOrThrow, SCENARIO_DIR } from '../helpers';

const KZ_FILE = join(SCENARIO_DIR, 'kazakhstan-2022.yaml');
const kz = loadOrThrow(KZ_FILE);
const golden = (name: string) => readFileSync(fixture(join('golden', name)), 'utf8');
const goldenSave = () => JSON.parse(golden('engine-save.v1.json')) as Record<string, unknown>;

/** The case with its YAML changed by `edit`, loaded as the game loads it. */
function editedCase(edit: (doc: { steps: Record<string, unknown>[] }) => void): Scenario {
  const doc = parse(readFileSync(KZ_FILE, 'utf8'));
  edit(doc);
  const r = loadScenario(stringify(doc), 'edited.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.scenario;
}

type Doc = { steps: Record<string, unknown>[] };
const stepOf = (doc: Doc, id: string) => doc.steps.find((s) => s.id === id) as Record<string, unknown>;
const choiceOf = (doc: Doc, step: string, id: string) =>
  (stepOf(doc, step).choices as Record<string, unknown>[]).find((c) => c.id === id) as {
    effects: { delta: number }[];
  };

/** The Council step's narrative with one word changed. */
const proseChanged = editedCase((doc) => {
  const step = stepOf(doc, 'ch-council');
  step.text = String(step.text).replace('phone', 'telephone');
});
/** An effect of a choice the golden runs took, one point larger. */
const ruleChangedOnPath = editedCase((doc) => {
  const c = choiceOf(doc, 'ch-request', 'ch-req-consult');
  (c.effects[0] as { delta: number }).delta += 1;
});
/** An effect of a choice the golden runs never took, one point larger. */
const ruleChangedOffPath = editedCase((doc) => {
  const c = choiceOf(doc, 'ch-request', 'ch-req-bilateral');
  (c.effects[0] as { delta: number }).delta += 1;
});

const metersOf = (g: Game) => Object.fromEntries(g.view().meters.map((m) => [m.id, m.value]));

function memoryStore(entries: Record<string, string> = {}): KeyValue & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get: (k) => map.get(k) ?? null,
    set: (k, v) => {
      map.set(k, v);
      return true;
    },
    remove: (k) => {
      map.delete(k);
    },
  };
}

describe('the golden engine save (format 1)', () => {
  const meters = {
    credibility: 49,
    cohesion: 64,
    stability: 31,
    civilian_harm: 20,
    sovereignty: 65,
    legitimacy: 45,
    chair_standing: 46,
  };

  it('resumes at the same step with the same meters, and plays on', () => {
    const save = goldenSave();
    expect(save.version).toBe(1);
    const g = Game.restore(kz, save);
    expect(g.currentStep()).toBe('ch-council');
    expect(g.view().turn).toBe(4);
    expect(metersOf(g)).toEqual(meters);
    expect(g.log()).toEqual(save.events);
    expect(g.state().lobbied).toEqual(['russia']);
    expect(g.state().decisions[0]?.rationale).toBe('Hear everyone first.');
    // Saved again, it is in today's format, with the rules hash, and restores as well.
    const again = JSON.parse(JSON.stringify(g.save())) as SaveData;
    expect(again.version).toBe(SAVE_VERSION);
    expect(again.rulesHash).toBe(rulesHash(kz));
    expect(again).not.toHaveProperty('scenarioHash');
    expect(metersOf(Game.restore(kz, again))).toEqual(meters);
    expect(g.callVote()).toBe(true);
    g.stop();
  });

  it('resumes when only the prose changed, and shows the new prose', () => {
    expect(scenarioHash(proseChanged)).not.toBe(scenarioHash(kz));
    expect(rulesHash(proseChanged)).toBe(rulesHash(kz));
    const g = Game.restore(proseChanged, goldenSave());
    expect(g.currentStep()).toBe('ch-council');
    expect(metersOf(g)).toEqual(meters);
    expect(g.view().step?.text).toContain('decide by telephone');
    g.stop();
  });

  it('is refused, with the message, when an effect it played changed', () => {
    expect(() => Game.restore(ruleChangedOnPath, goldenSave())).toThrow(new SaveError(SaveMessage.CaseChanged));
  });

  it('resumes when a rule it never met changed: its moves replay to its state (a format-1 save has no rules hash)', () => {
    const g = Game.restore(ruleChangedOffPath, goldenSave());
    expect(metersOf(g)).toEqual(meters);
    g.stop();
  });
});

describe('a save of today’s format (rules hash)', () => {
  const today = () => JSON.parse(JSON.stringify(Game.restore(kz, goldenSave()).save())) as SaveData;

  it('resumes after a change of prose', () => {
    const g = Game.restore(proseChanged, today());
    expect(g.currentStep()).toBe('ch-council');
    g.stop();
  });

  it('is refused, with the message, after any change of the rules, met or not', () => {
    for (const changed of [ruleChangedOnPath, ruleChangedOffPath]) {
      expect(rulesHash(changed)).not.toBe(rulesHash(kz));
      expect(() => Game.restore(changed, today())).toThrow(new SaveError(SaveMessage.RulesChanged));
    }
    expect(SaveMessage.RulesChanged).toMatch(/rules of this case have changed.*cannot be resumed/);
  });
});

describe('the golden stored run (format 1, as localStorage held it)', () => {
  const stored = JSON.parse(golden('stored-run.v1.json')) as { key: string; value: string };

  it('is read under today’s key, migrated, and resumes at the same step with the same meters', () => {
    expect(stored.key).toBe(StorageKey.Save);
    const read = readSave(memoryStore({ [stored.key]: stored.value }));
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    const run = read.run;
    expect(run.version).toBe(STORED_VERSION);
    expect(run).toMatchObject({ scenario: 'kazakhstan-2022', role: 'chair', screen: 'play', seen: 4 });
    const meta = runMeta(run);
    expect(meta).toMatchObject({
      mode: 'class',
      startedAt: '2026-11-27T10:02:00+01:00',
      teams: [
        { team: 'Team A', actor: 'russia' },
        { team: 'Team B', actor: 'kazakhstan' },
      ],
      forecast: 'advisers',
    });
    expect(meta.councilTeams).toEqual([
      {
        turn: 4,
        step: 'ch-council',
        consensus: true,
        votes: [
          { team: 'Team A', actor: 'russia', position: 'support', rationale: 'Order first.' },
          { team: 'Team B', actor: 'kazakhstan', position: 'support' },
        ],
      },
    ]);
    for (const s of [kz, proseChanged]) {
      const g = Game.restore(s, run.engine);
      expect(g.currentStep()).toBe('ch-mandate');
      expect(g.view().turn).toBe(4);
      expect(g.state().length).toBe('class');
      expect(metersOf(g)).toEqual({
        credibility: 53,
        cohesion: 64,
        stability: 33,
        civilian_harm: 20,
        sovereignty: 70,
        legitimacy: 42,
        chair_standing: 46,
      });
      expect(g.log()[4]).toMatchObject({ type: 'CALL_VOTE', positions: { russia: 'support', kazakhstan: 'support' } });
      g.stop();
    }
  });

  it('fills in the mode and start a run saved before classroom play lacks', () => {
    const { mode: _, startedAt: __, ...old } = JSON.parse(stored.value);
    const read = readSave(memoryStore({ [stored.key]: JSON.stringify(old) }));
    expect(read).toMatchObject({ kind: 'ok', run: { mode: 'solo', startedAt: '2026-11-27T09:21:44.512Z' } });
  });
});

describe('the golden result file (format 2)', () => {
  const text = golden('result.v2.json');

  it('is read, migrated to today’s format, and replays to the same decisions, ending and meters', () => {
    const parsed = parseResultFile(text, 'result.v2.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = parsed.result;
    expect(r.version).toBe(RESULT_VERSION);
    expect(r.scenario).toEqual({ id: 'kazakhstan-2022', title: kz.title, contentHash: '909a7a17' });
    for (const s of [kz, proseChanged]) {
      const replayed = replayResult(r, s);
      expect(replayed.ok).toBe(true);
      if (!replayed.ok) return;
      const g = replayed.game;
      expect(g.ended).toBe(true);
      expect(g.debrief().ending?.id).toBe('stayed-on');
      expect(metersOf(g)).toEqual(Object.fromEntries(r.meters.map((m) => [m.id, m.value])));
      expect(g.debrief().decisions.map((d) => d.yours.id)).toEqual(r.decisions.map((d) => d.choice.id));
      g.stop();
    }
  });

  it('does not replay on a case whose rules it played changed', () => {
    const parsed = parseResultFile(text, 'result.v2.json');
    if (!parsed.ok) throw new Error(parsed.reason);
    const changed = editedCase((doc) => {
      const first = (stepOf(doc, 'tk-intro').next ?? null) as unknown;
      expect(first).not.toBeNull();
      for (const step of doc.steps) {
        for (const c of (step.choices ?? []) as { effects?: { delta: number }[] }[]) {
          for (const e of c.effects ?? []) e.delta += 1;
        }
      }
    });
    const replayed = replayResult(parsed.result, changed);
    expect(replayed).toEqual({ ok: false, reason: expect.stringMatching(/different version of this case/) });
  });
});

describe('migration chains', () => {
  it.each([
    ['engine saves', SAVE_MIGRATIONS],
    ['stored runs', STORED_MIGRATIONS],
    ['result files', RESULT_MIGRATIONS],
  ] as [string, MigrationChain][])('%s: a step for every version from the minimum on', (_, chain) => {
    expect(missingSteps(chain)).toEqual([]);
    expect(chain.minimum).toBeGreaterThanOrEqual(1);
    expect(chain.minimum).toBeLessThanOrEqual(chain.current);
    expect(migrate(chain, { version: chain.current + 1 })).toEqual({
      ok: false,
      problem: 'too-new',
      version: chain.current + 1,
    });
    expect(migrate(chain, { version: chain.minimum - 1 })).toMatchObject({ ok: false, problem: 'too-old' });
    expect(migrate(chain, { version: '1' })).toEqual({ ok: false, problem: 'no-version' });
    const input = { version: chain.minimum, x: 1 };
    const out = migrate(chain, input);
    expect(out).toMatchObject({ ok: true, from: chain.minimum, value: { version: chain.current, x: 1 } });
    // Pure: the value read is left as it was.
    expect(input).toEqual({ version: chain.minimum, x: 1 });
  });
});

// ---------------------------------------------------------------- the rules hash, field by field

/** Paths (dot-joined) of the fields that decide play; everything else is prose or presentation. */
const RULE_PATHS = [
  /^(format|id)$/,
  /^meters\.\d+\.(id|min|max|start)$/,
  /^flags\.\d+\.(id|start)$/,
  /^roles\.\d+\.(id|start|objectives\.[^.]+)$/,
  /^lengths\.\d+\.id$/,
  /^endings\.\d+\.id$/,
  /^steps\.\d+\.(id|next(\..+)?)$/,
  /^steps\.\d+\.events\.\d+\.(id|chance|when(\..+)?|effects\.\d+\.(meter|delta)|(set|clear)\.\d+)$/,
  /^steps\.\d+\.choices\.\d+\.(id|when(\..+)?|effects\.\d+\.(meter|delta)|(set|clear)\.\d+|next(\..+)?)$/,
  /^steps\.\d+\.choices\.\d+\.outcomes\.\d+\.(id|weight|effects\.\d+\.(meter|delta)|(set|clear)\.\d+|next(\..+)?)$/,
  /^steps\.\d+\.council\.(support_at|object_at|(consensus|blocked)(\..+)?)$/,
  /^steps\.\d+\.council\.members\.\d+\.(actor|lean|shifts\.\d+\.(when(\..+)?|add))$/,
  /^steps\.\d+\.council\.members\.\d+\.lobby\.(add|effects\.\d+\.(meter|delta)|roles\.\d+|when(\..+)?)$/,
  /^steps\.\d+\.council\.(seat_votes(\..+)?|on_(consensus|blocked)\.(effects\.\d+\.(meter|delta)|(set|clear)\.\d+))$/,
];
const isRule = (path: string) => RULE_PATHS.some((re) => re.test(path));

/** Every leaf (string, number, boolean) of a value, with its path. */
function leaves(x: unknown, path: string[] = []): string[][] {
  if (x !== null && typeof x === 'object') {
    return Object.entries(x).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? [path] : [];
}

/** The hash of `s` with the leaf at `path` changed (a string lengthened, a number raised, a boolean flipped); `s` is left as it was. */
function hashWithLeafChanged(s: Scenario, path: string[]): string {
  let at = s as unknown as Record<string, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const key = path[path.length - 1] as string;
  const v = at[key];
  at[key] = typeof v === 'string' ? `${v}x` : typeof v === 'number' ? v + 1 : !v;
  try {
    return rulesHash(s);
  } finally {
    at[key] = v;
  }
}

describe('rulesHash', () => {
  const cases: [string, Scenario][] = [
    ['kazakhstan-2022', kz],
    ['mini', loadFixture('mini.yaml')],
    ['tutorial', loadFixture('tutorial.yaml')],
    // The Council's later fields: results, seats' own votes, lobbying by seat and condition, estimates, parties.
    ['council-seat', loadFixture('council-seat.yaml')],
  ];

  it.each(cases)(
    '%s: changes with every field that decides play, and with no other',
    (_, s) => {
      const base = rulesHash(s);
      expect(base).toMatch(/^[0-9a-f]{8}$/);
      const wrong: string[] = [];
      let rules = 0;
      const copy = structuredClone(s);
      // Every kind of field (its path with the indices left out), at its first few places.
      const seen = new Map<string, number>();
      for (const path of leaves(copy)) {
        const p = path.join('.');
        const kind = p.replace(/\.\d+(?=\.|$)/g, '.#');
        const n = seen.get(kind) ?? 0;
        seen.set(kind, n + 1);
        if (n >= 3) continue;
        const changed = hashWithLeafChanged(copy, path) !== base;
        if (isRule(p)) rules++;
        if (changed !== isRule(p)) wrong.push(`${p}: ${changed ? 'in the hash' : 'not in the hash'}`);
      }
      expect(wrong).toEqual([]);
      expect(rules).toBeGreaterThan(20);
      expect(rulesHash(copy)).toBe(base);
    },
    30_000,
  );

  it('follows the order of choices, outcomes and events (the seeded draws depend on it)', () => {
    const s = structuredClone(kz);
    const step = s.steps.find((x) => x.choices.length > 1) as Scenario['steps'][number];
    step.choices.reverse();
    expect(rulesHash(s)).not.toBe(rulesHash(kz));
  });

  it('ignores the order of a seat’s objective weights (a record)', () => {
    const s = structuredClone(kz);
    const role = s.roles[0] as Scenario['roles'][number];
    role.objectives = Object.fromEntries(Object.entries(role.objectives).reverse());
    expect(rulesHash(s)).toBe(rulesHash(kz));
  });
});
