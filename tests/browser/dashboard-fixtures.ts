/**
 * Five result files of a bundled case for the dashboard's browser tests, made with the engine:
 * five students of two class periods, each taking history's choice more or less often (seeded),
 * with rationales at some decisions. Their names carry the group the dashboard reads ("P3 - Ana"),
 * and one file is renamed by hand with its group in its name ("p5_dmitri.json").
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildResult, type ResultFile, resultFileName, serializeResult } from '../../src/classroom/index';
import { formatDiagnostic, Game, type GameEvent, loadScenario, type Scenario } from '../../src/engine/index';
import { nextRandom, seedState } from '../../src/engine/rng';
import { ROOT } from './harness';

export function loadCase(file: string): Scenario {
  const r = loadScenario(readFileSync(join(ROOT, 'scenarios', file)), file);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

/**
 * Plays a run to its end: at each choice, history's option with probability `faithful` (when the
 * step has one), else any option; at a Council vote, votes at once. Seeded, so always the same run.
 */
export function playStudent(s: Scenario, role: string, seed: number, faithful: number, rationales = true): Game {
  const game = Game.start(s, { role, seed });
  let state = seedState(seed * 104729 + 7);
  const draw = () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
  let n = 0;
  for (let i = 0; i < 500 && !game.ended; i++) {
    const moves = game.moves();
    const step = s.steps.find((x) => x.id === game.currentStep());
    const chooses = moves.filter((m): m is Extract<GameEvent, { type: 'CHOOSE' }> => m.type === 'CHOOSE');
    if (chooses.length > 0) {
      n++;
      const history = chooses.find((m) => m.choice === step?.history?.choice);
      const pick =
        history && draw() < faithful ? history : (chooses[Math.floor(draw() * chooses.length)] ?? chooses[0]);
      const rationale = rationales && n % 2 === 1 ? `Decision ${n}: we weighed the treaty and the risk.` : undefined;
      game.choose(pick?.choice ?? '', rationale ? { rationale } : {});
    } else if (moves.some((m) => m.type === 'CALL_VOTE')) {
      n++;
      game.callVote(rationales ? { rationale: 'Let the Council decide.' } : {});
    } else if (moves[0]) {
      game.send(moves[0]);
    } else {
      break;
    }
  }
  if (!game.ended) throw new Error(`seed ${seed}: the run did not end`);
  return game;
}

export interface Student {
  /** The file name the result is saved under. */
  fileName: string;
  result: ResultFile;
  /** The group the dashboard should read from the name or the file name. */
  group: string;
  /** Who the dashboard names. */
  who: string;
}

export const CASE_FILE = 'kazakhstan-2022.yaml';

/** The five students: name typed, seed, how often they take history's choice, the group expected. */
const FIVE = [
  { student: 'P3 - Ana García', seed: 11, faithful: 1, group: 'P3', who: 'Ana García' },
  { student: 'P3 - Ben Okafor', seed: 22, faithful: 0.6, group: 'P3', who: 'Ben Okafor' },
  { student: 'P5 - Chloé', seed: 33, faithful: 0.3, group: 'P5', who: 'Chloé' },
  { team: 'P5 - Team Blue', seed: 44, faithful: 0.7, group: 'P5', who: 'Team Blue', mode: 'class' as const },
  { seed: 55, faithful: 0, group: 'P5', who: 'dmitri', file: 'p5_dmitri.json' },
];

/** The five results (their games stopped), in the order they are loaded. */
export function fiveStudents(s: Scenario = loadCase(CASE_FILE)): Student[] {
  const role = s.roles[0]?.id ?? '';
  return FIVE.map((x, i) => {
    const game = playStudent(s, role, x.seed, x.faithful);
    const result = buildResult(game, {
      startedAt: `2026-11-27T10:0${i}:00+01:00`,
      finishedAt: `2026-11-27T10:4${i}:05+01:00`,
      mode: x.mode ?? 'solo',
      appVersion: '0.1.0',
      ...(x.student ? { student: x.student } : {}),
      ...(x.team ? { team: x.team } : {}),
    });
    game.stop();
    return { fileName: x.file ?? resultFileName(result), result, group: x.group, who: x.who };
  });
}

/** A class of `n` students of the case's first seat ("Student 1" …), each run seeded by its number. */
export function classOf(n: number, s: Scenario = loadCase(CASE_FILE)): Student[] {
  const role = s.roles[0]?.id ?? '';
  return Array.from({ length: n }, (_, i) => {
    const game = playStudent(s, role, 100 + i, (i % 5) / 4, false);
    const result = buildResult(game, {
      startedAt: `2026-11-27T11:${String(i).padStart(2, '0')}:00+01:00`,
      finishedAt: `2026-11-27T11:${String(i + 30).padStart(2, '0')}:00+01:00`,
      mode: 'solo',
      appVersion: '0.1.0',
      student: `Student ${i + 1}`,
    });
    game.stop();
    return { fileName: resultFileName(result), result, group: '', who: `Student ${i + 1}` };
  });
}

/** Writes the results to a new temporary folder; returns the folder and the paths in order. */
export function writeResults(files: readonly { fileName: string; result: ResultFile }[]): {
  dir: string;
  paths: string[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'article-four-five-'));
  const paths = files.map((f) => {
    const p = join(dir, f.fileName);
    writeFileSync(p, serializeResult(f.result));
    return p;
  });
  return { dir, paths };
}
