/** The linter's rules: their codes and meanings (docs/authoring.md lists them), limits, and how rules report. */
import type { PathKey } from './yaml-source';

/** Longest texts that fit the decision panel without scrolling on a 1280×800 screen. */
export const TEXT_LIMITS = { stepText: 900, choiceLabel: 90, choiceDetail: 280, outcomeText: 500 } as const;

export const LINT_RULES = {
  'unreachable-step': 'a step no seat can reach by any path',
  'unreached-ending': 'an ending no path reaches',
  'dead-end': 'a step where, in some run, no choice is available',
  'run-unended':
    'a seat whose random runs do not end within 1,000 moves: a cycle with no way out, or a path too long to play',
  'lint-partial':
    'the exploration of paths stopped at its budget (states or seconds): steps and endings it did not reach are not reported',
  'meter-unchanged': 'a meter that no effect ever changes',
  'meter-unread': 'a meter that no condition, council shift or seat objective reads',
  'source-uncited': 'a declared source that nothing cites',
  'flag-unused': 'a flag that is never set or never read',
  'identical-choices': 'two choices of a step with the same effects and destination',
  'text-too-long': 'text too long for the decision panel',
  'similar-ids': 'two declared ids that differ only by a typo',
  'length-over-budget':
    'a length (such as a class lesson) with a path that shows more words, or takes more or fewer decisions, than it allows, or skips the Council vote',
  'quote-in-counterfactual':
    'quotation marks in invented text (a counterfactual step, choice, outcome or event, or a lobbied member’s reply): never invent a quote',
  'source-host-mismatch':
    'a source whose link’s host does not match its publisher (or only through borrowed labels such as un.org.example.net): is it the right link?',
  'source-local-host':
    'a source whose link goes to an IP address, localhost or a local-network name (10/8, 172.16/12, 192.168/16, 127/8, .local, private IPv6) instead of a public site',
  'history-missing':
    'a decision step of a historical case with no `history` (and not marked counterfactual): say what really happened',
  'historical-ending-missing': 'a historical case with no ending marked `historical: true`',
  'option-unlabelled':
    'an option of a historical case that is neither what history did (`history.choice`, `history.also`) nor marked counterfactual',
  'history-in-fictional': 'a fictional case with a `history` block or a historical ending, which students never see',
  'dominated-choice':
    'an option no better than another of its step on any meter the deciding seat weighs, and worse on one (by forecast)',
} as const;
export type LintCode = keyof typeof LINT_RULES;

/** Where a rule reports: a warning (at the key itself with `atKey`) or an error, at a path into the file. */
export interface Report {
  warn(code: LintCode, path: PathKey[], message: string, atKey?: boolean): void;
  error(code: LintCode, path: PathKey[], message: string): void;
  /** True once any rule has reported an error (the exploring rules then stand aside). */
  hasErrors(): boolean;
}
