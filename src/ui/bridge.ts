/**
 * The one channel between the HTML app and the Phaser scenes.
 * The app sends what to draw (plain data derived from the engine's view); scenes send back
 * only what the player did on the canvas. Every `on` returns its own `off`, and scenes call it
 * on shutdown; `listenerCount()` lets the browser tests check that replays leak nothing.
 */
import type { CouncilView, GameView, MeterView } from '../engine/view-types';
import type { GaugeGrid } from './gauge-grid';
import { BridgeEvent } from './keys';
import type { MapModel } from './map-model';
import type { Settings } from './settings';

export interface Layout {
  /** The part of the viewport (CSS pixels) the map may use: not covered by the panel. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the gauges go, a row or more, or null when none show. */
  gauges: GaugeGrid | null;
}

export interface ScreenPayload {
  screen: string;
  map: MapModel;
  meters: MeterView[] | null;
  council: CouncilView | null;
  /** Set on the result of a council vote: the chamber plays the verdict. */
  verdict: 'consensus' | 'blocked' | null;
  /** Class mode: the Council teams holding seats in the chamber, and whether each has voted yet. */
  teams: ChamberTeam[] | null;
}

export interface ChamberTeam {
  actor: string;
  team: string;
  voted: boolean;
}

export interface BridgeEvents {
  [BridgeEvent.Screen]: ScreenPayload;
  [BridgeEvent.View]: { view: GameView; map: MapModel };
  [BridgeEvent.Layout]: Layout;
  [BridgeEvent.Settings]: Settings;
  [BridgeEvent.HighlightCase]: string | null;
  [BridgeEvent.PickCase]: string;
  [BridgeEvent.WorldReady]: undefined;
  [BridgeEvent.LoadProgress]: number;
}

type Name = keyof BridgeEvents;
type Listener<K extends Name> = (payload: BridgeEvents[K]) => void;

export class Bridge {
  private listeners = new Map<Name, Set<(payload: never) => void>>();
  /** The last payload of each event, so a scene that starts late can catch up. */
  private last = new Map<Name, unknown>();
  /** Called before every event is delivered, whatever its name (the idle loop wakes the canvas). */
  private taps = new Set<(name: Name) => void>();

  on<K extends Name>(name: K, fn: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(fn as (payload: never) => void);
    return () => {
      set.delete(fn as (payload: never) => void);
    };
  }

  /** Hears every event's name as it is emitted; returns its own `off`. */
  tap(fn: (name: Name) => void): () => void {
    this.taps.add(fn);
    return () => {
      this.taps.delete(fn);
    };
  }

  emit<K extends Name>(name: K, payload: BridgeEvents[K]): void {
    this.last.set(name, payload);
    for (const fn of [...this.taps]) fn(name);
    for (const fn of [...(this.listeners.get(name) ?? [])]) (fn as Listener<K>)(payload);
  }

  latest<K extends Name>(name: K): BridgeEvents[K] | undefined {
    return this.last.get(name) as BridgeEvents[K] | undefined;
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n + this.taps.size;
  }
}

export const bridge = new Bridge();
