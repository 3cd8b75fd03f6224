/** Settings: text size, reduced motion, high contrast, the map, forecasts. Changes apply at once and are remembered. */
import { FORECAST_MODES } from '../../engine/advice';
import { h } from '../dom';
import { type Settings, TEXT_SIZES, type TextSize } from '../settings';
import { heading, type ScreenResult } from './common';
import { FORECAST_LABELS } from './forecast';

export interface SettingsProps {
  settings: Settings;
  /** Changes some settings; the app merges them into the current ones. */
  onChange(patch: Partial<Settings>): void;
  onBack(): void;
  backLabel: string;
  /** A class run is open: it keeps its own forecast setting. */
  classRun?: boolean;
}

export function renderSettings(p: SettingsProps): ScreenResult {
  const title = heading(1, 'Settings');
  title.id = 'settings-heading';
  const s = p.settings;
  const sizes = TEXT_SIZES.map((t) => {
    const input = h('input', { type: 'radio', name: 'text-size', value: t.id, checked: s.textSize === t.id });
    input.addEventListener('change', () => p.onChange({ textSize: t.id as TextSize }));
    return h('label', null, input, `${t.label} (${Math.round(t.scale * 100)}%)`);
  });
  const forecasts = FORECAST_MODES.map((mode) => {
    const input = h('input', { type: 'radio', name: 'forecast', value: mode, checked: s.forecast === mode });
    input.addEventListener('change', () => p.onChange({ forecast: mode }));
    return h(
      'label',
      { class: 'radio-block' },
      input,
      h(
        'span',
        null,
        h('strong', null, FORECAST_LABELS[mode].label),
        h('span', { class: 'field-help' }, FORECAST_LABELS[mode].help),
      ),
    );
  });
  const motion = h('input', { type: 'checkbox', id: 'set-motion', checked: s.reducedMotion });
  motion.addEventListener('change', () => p.onChange({ reducedMotion: (motion as HTMLInputElement).checked }));
  const contrast = h('input', { type: 'checkbox', id: 'set-contrast', checked: s.highContrast });
  contrast.addEventListener('change', () => p.onChange({ highContrast: (contrast as HTMLInputElement).checked }));
  const map = h('input', { type: 'checkbox', id: 'set-map', checked: s.map });
  map.addEventListener('change', () => p.onChange({ map: (map as HTMLInputElement).checked }));
  const root = h(
    'section',
    { 'aria-labelledby': 'settings-heading' },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, `← ${p.backLabel}`),
    title,
    h('p', { class: 'lede' }, 'Settings apply at once and are remembered on this device.'),
    h('fieldset', null, h('legend', null, 'Text size'), h('div', { class: 'radio-row' }, ...sizes)),
    h(
      'fieldset',
      { 'data-setting': 'forecast' },
      h('legend', null, 'Forecasts before a decision'),
      ...forecasts,
      p.classRun
        ? h('p', { class: 'field-help' }, 'The class run on screen keeps the forecasts chosen when it started.')
        : null,
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Motion'),
      h('label', { class: 'check', for: 'set-motion' }, motion, 'Reduce motion'),
      h('p', { class: 'field-help' }, 'Gauges, the map and the Council chamber change without animation.'),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Contrast'),
      h('label', { class: 'check', for: 'set-contrast' }, contrast, 'High contrast'),
      h('p', { class: 'field-help' }, 'Black background, white text and stronger outlines.'),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Map'),
      h('label', { class: 'check', for: 'set-map' }, map, 'Draw the map, the gauges and the Council chamber'),
      h(
        'p',
        { class: 'field-help' },
        'Turn it off on a slow computer: the map is then not loaded, and everything to read and choose stays in this panel.',
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: p.onBack }, 'Done'),
    ),
  );
  return { root, heading: title, layout: 'side' };
}
