/**
 * The dashboard's summary of one seat's decision steps: per step the distribution of choices beside
 * history's choice, the room's votes, the rationales side by side and the Council teams' votes.
 */
import type { Scenario } from '../engine/schema';
import { outcomeText } from './dashboard-grid';
import { decisionNumberText, stepOrder, turnsOf } from './dashboard-order';
import type { OptionCount, ProposalVotes, RationaleEntry, StepSummary, TeamVoteEntry } from './dashboard-types';
import type { LoadedResult } from './result-file';
import type { ResultFile } from './result-schema';

const VOTE_OPTIONS = [
  { id: 'consensus', label: 'Consensus reached' },
  { id: 'blocked', label: 'Blocked: no consensus' },
];

const POSITIONS = ['support', 'abstain', 'object'] as const;

/** The positions in a vote step's summed tally, or undefined when it counts none. */
function proposalVotesOf(tally: Readonly<Record<string, number>>): ProposalVotes | undefined {
  if (!POSITIONS.some((p) => Object.hasOwn(tally, p))) return undefined;
  return { support: own(tally, 'support'), abstain: own(tally, 'abstain'), object: own(tally, 'object') };
}

/** A count by id: own properties only, so an id such as "constructor" is just an id. */
function own(tally: Readonly<Record<string, number>>, id: string): number {
  return Object.hasOwn(tally, id) ? (tally[id] ?? 0) : 0;
}

/** Who wrote a result, for the rationales side by side. */
export function whoOf(r: LoadedResult): string {
  const { student, team } = r.result;
  if (student && team) return `${student} (${team})`;
  return student ?? team ?? r.fileName;
}

/**
 * Each decision step of a seat's results, in date order, never against a run's own order
 * (dashboard-order.ts); `who` names each result (the person's name by default, whoOf).
 */
export function summariseSteps(
  group: readonly LoadedResult[],
  scenario: Scenario | undefined,
  who: (lr: LoadedResult) => string = whoOf,
): StepSummary[] {
  type Seen = { entries: { lr: LoadedResult; d: ResultFile['decisions'][number] }[] };
  const bySteps = new Map<string, Seen>();
  for (const lr of group) {
    for (const d of lr.result.decisions) {
      const seen = bySteps.get(d.step) ?? { entries: [] };
      seen.entries.push({ lr, d });
      bySteps.set(d.step, seen);
    }
  }
  const ids = stepOrder(
    group.map((lr) => lr.result.decisions),
    scenario,
  );

  return ids.map((id): StepSummary => {
    const { entries } = bySteps.get(id) as Seen;
    const step = scenario?.steps.find((s) => s.id === id);
    const first = entries[0]?.d;
    const kind = step ? (step.council ? 'vote' : 'choice') : (first?.kind ?? 'choice');
    const options = new Map<string, OptionCount>();
    const addOption = (o: { id: string; label: string; counterfactual?: boolean }) => {
      if (!options.has(o.id)) {
        options.set(o.id, {
          id: o.id,
          label: o.label,
          count: 0,
          share: 0,
          history: false,
          counterfactual: o.counterfactual ?? false,
          votes: 0,
        });
      }
    };
    if (step) {
      if (kind === 'vote') for (const o of VOTE_OPTIONS) addOption(o);
      for (const c of step.choices) addOption(c);
    }
    let history: StepSummary['history'];
    if (step?.history?.choice) {
      const h = step.history.choice;
      const label =
        step.choices.find((c) => c.id === h)?.label ??
        VOTE_OPTIONS.find((o) => o.id === h)?.label ??
        entries.find((e) => e.d.history?.id === h)?.d.history?.label ??
        h;
      history = { id: h, label };
    } else if (!step) {
      history = entries.find((e) => e.d.history)?.d.history;
    }
    const sums = new Map<string, number>();
    const rationales: RationaleEntry[] = [];
    let matched = 0;
    for (const { lr, d } of entries) {
      addOption(d.choice);
      const o = options.get(d.choice.id) as OptionCount;
      o.count++;
      if (history && d.choice.id === history.id) matched++;
      for (const [k, n] of Object.entries(d.tally ?? {})) sums.set(k, (sums.get(k) ?? 0) + n);
      if (d.rationale) {
        rationales.push({
          fileName: lr.fileName,
          who: who(lr),
          ...(lr.result.student ? { student: lr.result.student } : {}),
          ...(lr.result.team ? { team: lr.result.team } : {}),
          turn: d.turn,
          choice: { ...d.choice },
          ...(outcomeText(scenario, d) ? { outcome: outcomeText(scenario, d) as string } : {}),
          rationale: d.rationale,
        });
      }
    }
    if (history) addOption(history);
    // Object.fromEntries defines own properties: any id is a plain key.
    const tally: Record<string, number> = Object.fromEntries(sums);
    const total = entries.length;
    const proposalVotes = kind === 'vote' ? proposalVotesOf(tally) : undefined;
    const teamVotes: TeamVoteEntry[] = [];
    for (const lr of group) {
      for (const c of lr.result.councilTeams ?? []) {
        if (c.step !== id) continue;
        for (const v of c.votes) {
          teamVotes.push({
            fileName: lr.fileName,
            who: who(lr),
            turn: c.turn,
            team: v.team,
            actor: v.actor,
            name: scenario?.actors.find((a) => a.id === v.actor)?.name ?? v.actor,
            position: v.position,
            ...(v.rationale ? { rationale: v.rationale } : {}),
          });
        }
      }
    }
    const turns = turnsOf(entries.map((e) => e.d.turn));
    return {
      step: id,
      turns,
      numberText: decisionNumberText(turns),
      title: step?.title ?? first?.title ?? '',
      date: step?.date ?? first?.date ?? '',
      kind,
      decisions: total,
      options: [...options.values()].map((o) => ({
        ...o,
        share: total ? o.count / total : 0,
        history: o.id === history?.id,
        votes: sums.get(o.id) ?? 0,
      })),
      ...(history ? { history } : {}),
      matched,
      tally,
      ...(proposalVotes ? { proposalVotes } : {}),
      rationales,
      teamVotes,
    };
  });
}
