/**
 * Lint rules over a case's history: a historical case says what really happened at each decision,
 * names the ending closest to it, and marks every option that did not happen as invented. A
 * fictional case (`fictional: true`) needs none of this, and any history it holds is never shown.
 */
import type { Report } from './lint-rules';
import type { Scenario } from './schema';

export function lintHistory(s: Scenario, report: Report): void {
  if (s.fictional) {
    s.steps.forEach((st, si) => {
      if (st.history) {
        report.warn(
          'history-in-fictional',
          ['steps', si, 'history'],
          `step "${st.id}" has a history, but the case is fictional: students never see it (remove it, or remove \`fictional: true\`)`,
          true,
        );
      }
    });
    s.endings.forEach((e, ei) => {
      if (e.historical) {
        report.warn(
          'history-in-fictional',
          ['endings', ei, 'historical'],
          `ending "${e.id}" is marked historical, but the case is fictional: no ending is shown as what happened`,
          true,
        );
      }
    });
    return;
  }

  s.steps.forEach((st, si) => {
    const decision = st.choices.length > 0 || st.council !== undefined;
    if (decision && !st.history && !st.counterfactual) {
      report.warn(
        'history-missing',
        ['steps', si, 'id'],
        `step "${st.id}" is a decision with no \`history\`: say what really happened here, with sources (or mark the step \`counterfactual: true\` if it did not happen, or the case \`fictional: true\`)`,
      );
    }
    const h = st.history;
    if (!h?.choice || st.council) return;
    st.choices.forEach((c, ci) => {
      if (c.id === h.choice || c.counterfactual || h.also.includes(c.id)) return;
      report.warn(
        'option-unlabelled',
        ['steps', si, 'choices', ci, 'id'],
        `choice "${c.id}" is not what history did here ("${h.choice}") and is not marked \`counterfactual: true\`: mark it invented, or, if it also happened in part, list it in the step's \`history.also\``,
      );
    });
  });

  if (!s.endings.some((e) => e.historical)) {
    report.warn(
      'historical-ending-missing',
      ['endings', 0, 'id'],
      'no ending is marked `historical: true`: mark the ending closest to what really happened (or mark the case `fictional: true`)',
    );
  }
}
