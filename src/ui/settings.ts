/**
 * Player settings: text size, reduced motion, high contrast, the map, and how forecasts show. Kept in localStorage between
 * visits and applied as classes on <html>, so CSS and the scenes read the same state.
 */
import { FORECAST_MODES, type ForecastMode } from '../engine/advice';
import { StorageKey } from './keys';
import { asKeyValue, local, type StoreLike } from './storage';

export type TextSize = 'normal' | 'large' | 'larger';

export interface Settings {
  textSize: TextSize;
  reducedMotion: boolean;
  highContrast: boolean;
  /**
   * Whether the map, the gauges and the Council chamber are drawn behind the panel. Off, Phaser and
   * the map data are never loaded (a slow computer): everything to read and choose is in the panel.
   */
  map: boolean;
  /** How options' forecasts show; a class run keeps the mode it was started with. */
  forecast: ForecastMode;
}

export const TEXT_SIZES: { id: TextSize; label: string; scale: number }[] = [
  { id: 'normal', label: 'Normal', scale: 1 },
  { id: 'large', label: 'Large', scale: 1.2 },
  { id: 'larger', label: 'Larger', scale: 1.4 },
];

export function textScale(size: TextSize): number {
  return TEXT_SIZES.find((s) => s.id === size)?.scale ?? 1;
}

function systemPrefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function systemPrefersContrast(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-contrast: more)').matches;
}

export function defaultSettings(): Settings {
  return {
    textSize: 'normal',
    reducedMotion: systemPrefersReducedMotion(),
    highContrast: systemPrefersContrast(),
    map: true,
    forecast: 'advisers',
  };
}

/** Reads the stored settings; anything missing or malformed falls back to the default. */
export function loadSettings(store: StoreLike = local): Settings {
  const base = defaultSettings();
  const raw = asKeyValue(store).get(StorageKey.Settings);
  if (!raw) return base;
  try {
    const data = JSON.parse(raw) as Partial<Record<keyof Settings, unknown>>;
    return {
      textSize: TEXT_SIZES.some((s) => s.id === data.textSize) ? (data.textSize as TextSize) : base.textSize,
      reducedMotion: typeof data.reducedMotion === 'boolean' ? data.reducedMotion : base.reducedMotion,
      highContrast: typeof data.highContrast === 'boolean' ? data.highContrast : base.highContrast,
      map: typeof data.map === 'boolean' ? data.map : base.map,
      forecast: FORECAST_MODES.includes(data.forecast as ForecastMode)
        ? (data.forecast as ForecastMode)
        : base.forecast,
    };
  } catch {
    return base;
  }
}

/** Keeps the settings; with storage refused or full they last for this visit only. */
export function storeSettings(settings: Settings, store: StoreLike = local): void {
  asKeyValue(store).set(StorageKey.Settings, JSON.stringify(settings));
}

export function applySettings(settings: Settings, root: HTMLElement = document.documentElement): void {
  root.dataset.textSize = settings.textSize;
  root.style.setProperty('--text-scale', String(textScale(settings.textSize)));
  root.classList.toggle('reduced-motion', settings.reducedMotion);
  root.classList.toggle('high-contrast', settings.highContrast);
}
