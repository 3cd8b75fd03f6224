/** Lint rules over the text: quotations in invented text, and texts too long for the decision panel. */
import { type Report, TEXT_LIMITS } from './lint-rules';
import type { Scenario } from './schema';
import type { PathKey } from './yaml-source';

/** A quotation of four or more words in double quotes, curly quotes or guillemets, or null. */
export function inventedQuote(text: string): string | null {
  const re = /["“„«]([^"“”„«»]{3,300})["”»]/g;
  for (const m of text.matchAll(re)) {
    const inner = (m[1] ?? '').trim();
    if (inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 4) return `“${inner}”`;
  }
  return null;
}

/** Quotation marks in invented text (never invent a quote), and in a lobbied member's reply. */
export function lintInventedQuotes(s: Scenario, report: Report): void {
  const quoted = (text: string | undefined, path: PathKey[], what: string) => {
    const q = text ? inventedQuote(text) : null;
    if (q) {
      report.warn(
        'quote-in-counterfactual',
        path,
        `${what} is invented but quotes someone: ${q}. Never invent a quote: write it as reported speech, without quotation marks`,
        true,
      );
    }
  };
  s.steps.forEach((st, si) => {
    const p: PathKey[] = ['steps', si];
    if (st.counterfactual) {
      quoted(st.text, [...p, 'text'], `step "${st.id}"`);
      quoted(st.short_text, [...p, 'short_text'], `step "${st.id}"`);
    }
    st.events.forEach((ev, ei) => {
      if (ev.counterfactual) quoted(ev.text, [...p, 'events', ei, 'text'], `event "${ev.id}"`);
    });
    st.choices.forEach((c, ci) => {
      const cp: PathKey[] = [...p, 'choices', ci];
      if (c.counterfactual) {
        quoted(c.label, [...cp, 'label'], `choice "${c.id}"`);
        quoted(c.detail, [...cp, 'detail'], `choice "${c.id}"`);
        quoted(c.result, [...cp, 'result'], `choice "${c.id}"`);
      }
      c.outcomes.forEach((o, oi) => {
        if (o.counterfactual || c.counterfactual) quoted(o.text, [...cp, 'outcomes', oi, 'text'], `outcome "${o.id}"`);
      });
    });
    st.council?.members.forEach((m, mi) => {
      // What a lobbied member says is the author's model of its reply, never a record.
      quoted(m.lobby?.text, [...p, 'council', 'members', mi, 'lobby', 'text'], `the lobbying reply of "${m.actor}"`);
    });
  });
}

/** Step texts, choice labels and details, and outcome texts too long for the decision panel. */
export function lintTextLengths(s: Scenario, report: Report): void {
  s.steps.forEach((st, si) => {
    const p: PathKey[] = ['steps', si];
    if (st.text.length > TEXT_LIMITS.stepText) {
      report.warn(
        'text-too-long',
        [...p, 'text'],
        `step text is ${st.text.length} characters; at most ${TEXT_LIMITS.stepText} fit the decision panel`,
        true,
      );
    }
    st.choices.forEach((c, ci) => {
      const cp = [...p, 'choices', ci];
      if (c.label.length > TEXT_LIMITS.choiceLabel) {
        report.warn(
          'text-too-long',
          [...cp, 'label'],
          `choice label is ${c.label.length} characters; keep it under ${TEXT_LIMITS.choiceLabel}`,
          true,
        );
      }
      if ((c.detail?.length ?? 0) > TEXT_LIMITS.choiceDetail) {
        report.warn(
          'text-too-long',
          [...cp, 'detail'],
          `choice detail is ${c.detail?.length} characters; keep it under ${TEXT_LIMITS.choiceDetail}`,
          true,
        );
      }
      c.outcomes.forEach((o, oi) => {
        if (o.text.length > TEXT_LIMITS.outcomeText) {
          report.warn(
            'text-too-long',
            [...cp, 'outcomes', oi, 'text'],
            `outcome text is ${o.text.length} characters; keep it under ${TEXT_LIMITS.outcomeText}`,
            true,
          );
        }
      });
    });
  });
}
