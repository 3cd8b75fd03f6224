/** Lint rules over the choices of a step: two with the same effects, and one another dominates for a seat. */

import { nextOf } from './conditions';
import { forSeat, staticReachable } from './lint-paths';
import type { Report } from './lint-rules';
import { dominatedOn, expectedDeltas, objectiveWeights } from './option-value';
import type { Choice, Scenario } from './schema';

/**
 * Two choices of a step with the same effects and destination that one seat can both be offered:
 * the decision makes no difference. (Two that no seat sees together, such as one option worded
 * for each seat with `when: { role: … }`, are one decision told two ways.)
 */
export function lintIdenticalChoices(s: Scenario, report: Report): void {
  s.steps.forEach((st, si) => {
    const signatures = new Map<string, Choice[]>();
    const together = (a: Choice, b: Choice) =>
      s.roles.some((r) => forSeat(a.when, r.id) !== false && forSeat(b.when, r.id) !== false);
    st.choices.forEach((c, ci) => {
      const cp = ['steps', si, 'choices', ci];
      const sig = JSON.stringify([
        c.effects.map((e) => [e.meter, e.delta]),
        c.set,
        c.clear,
        c.outcomes.map((o) => [o.weight, o.effects.map((e) => [e.meter, e.delta]), o.set, o.clear, nextOf(st, c, o)]),
        nextOf(st, c),
      ]);
      const same = signatures.get(sig) ?? [];
      const twin = same.find((x) => together(x, c));
      if (twin) {
        report.warn(
          'identical-choices',
          [...cp, 'id'],
          `choice "${c.id}" has the same effects and destination as "${twin.id}": the decision makes no difference`,
        );
      } else {
        signatures.set(sig, [...same, c]);
      }
    });
  });
}

/** Options a seat would never take by their forecast. */
export function lintDominatedChoices(s: Scenario, report: Report): void {
  for (const role of s.roles) {
    const weights = objectiveWeights(s, role.id);
    const decides = staticReachable(s, role.id);
    s.steps.forEach((st, si) => {
      if (!decides.has(st.id)) return;
      const deltas = st.choices.map(expectedDeltas);
      st.choices.forEach((a, ai) => {
        const better = st.choices.find((b, bi) => {
          // Options both offered only under conditions may never stand side by side.
          if (b === a || (a.when && b.when)) return false;
          return dominatedOn(weights, deltas[ai] as Map<string, number>, deltas[bi] as Map<string, number>) !== null;
        });
        if (better) {
          report.warn(
            'dominated-choice',
            ['steps', si, 'choices', ai, 'id'],
            `for seat "${role.id}", choice "${a.id}" is dominated by "${better.id}": by forecast no better on any meter the seat weighs and worse on one; give it a reason to be chosen (\`scenario balance\`)`,
          );
        }
      });
    });
  }
}
