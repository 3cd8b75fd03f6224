/** The list of problems beside the editor: one button per finding, which takes the cursor there. */
import { h } from '../ui/dom';
import type { Problem } from './problems-model';

export function problemItems(problems: readonly Problem[], go: (p: Problem) => void): HTMLElement[] {
  return problems.map((p) =>
    h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: `wb-problem wb-problem-${p.severity}`,
          'data-line': String(p.line),
          'data-column': String(p.column),
          'data-severity': p.severity,
          'data-code': p.code,
          onclick: () => go(p),
        },
        h('span', { class: 'wb-problem-kind' }, p.severity === 'error' ? 'Error' : 'Warning'),
        h('span', { class: 'wb-problem-where' }, `Line ${p.line}, column ${p.column}`),
        h('span', { class: 'wb-problem-message' }, p.message),
      ),
    ),
  );
}
