/**
 * What the map shows, as plain data. The app builds it from the scenario and the engine's view;
 * the world scene only draws it. No game rule lives here: it reads ids, places and actors.
 */

import type { Scenario } from '../engine/schema';
import type { StepView } from '../engine/view-types';

export interface MapPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface MapMove {
  from: MapPoint;
  to: MapPoint;
  label: string;
}

export interface MapCase {
  id: string;
  title: string;
  year: string;
  point: MapPoint;
}

export interface MapModel {
  /** Points inside the alliance's member states: the country around each is shaded. */
  members: MapPoint[];
  /** Points inside the state in crisis: its country is highlighted. */
  hosts: MapPoint[];
  /** Labelled places (capitals, cities of the case). */
  places: MapPoint[];
  /** Where the current step happens. */
  current: MapPoint | null;
  /** The places of events so far, in order. */
  track: MapPoint[];
  /** Movements of forces (or of decisions) to show as arrows. */
  moves: MapMove[];
  /** Cases to mark on the map (case select). */
  cases: MapCase[];
  /** The points to frame; empty frames the whole region. */
  focus: MapPoint[];
  /** Dim the map (while the council chamber shows over it). */
  dim: boolean;
}

export function emptyMap(): MapModel {
  return { members: [], hosts: [], places: [], current: null, track: [], moves: [], cases: [], focus: [], dim: false };
}

// ---------------------------------------------------------------- builders (pure)

type PlaceLike = { id: string; name: string; lat: number; lon: number };

function point(p: PlaceLike): MapPoint {
  return { id: p.id, name: p.name, lon: p.lon, lat: p.lat };
}

function placeOf(s: Scenario, id: string | undefined): MapPoint | null {
  const p = id ? s.places.find((x) => x.id === id) : undefined;
  return p ? point(p) : null;
}

/** The region the map can show; places outside it (a far capital) are listed but not framed. */
const REGION = { west: 16, east: 104, south: 24, north: 66 };

function inRegion(p: MapPoint): boolean {
  return p.lon >= REGION.west && p.lon <= REGION.east && p.lat >= REGION.south && p.lat <= REGION.north;
}

/** Where a case sits on the map: its state in crisis, else the place of its first step, else its first place. */
export function casePoint(s: Scenario): MapPoint | null {
  const host = hostActor(s);
  const firstStep = s.steps.find((x) => x.place);
  return placeOf(s, host?.place) ?? placeOf(s, firstStep?.place) ?? (s.places[0] ? point(s.places[0]) : null);
}

/** A short name for a case on the map: its title up to the first colon. */
export function shortTitle(title: string): string {
  const cut = title.indexOf(':');
  return cut > 0 ? title.slice(0, cut) : title;
}

/** The state in crisis: the scenario's `host`, else an actor of kind host. */
function hostActor(s: Scenario) {
  return s.actors.find((a) => a.id === s.host && a.place) ?? s.actors.find((a) => a.kind === 'host' && a.place);
}

export function memberPoints(s: Scenario): { members: MapPoint[]; hosts: MapPoint[] } {
  const members: MapPoint[] = [];
  const hosts: MapPoint[] = [];
  for (const a of s.actors) {
    const p = placeOf(s, a.place);
    if (!p) continue;
    if (a.kind === 'member' || a.kind === 'host') members.push(p);
  }
  const host = hostActor(s);
  const hp = host ? placeOf(s, host.place) : null;
  if (hp) hosts.push(hp);
  return { members, hosts };
}

/** What the region map needs of a case (a bundled case's index entry has it precomputed). */
export interface RegionCase {
  id: string;
  title: string;
  dates: { start: string };
  map: { point: MapPoint | null; members: MapPoint[] };
}

/** The whole region: every case's members, and (on case select) a marker per case. */
export function regionMap(cases: readonly RegionCase[], withMarkers: boolean): MapModel {
  const map = emptyMap();
  for (const c of cases) {
    map.members.push(...c.map.members);
    const p = c.map.point;
    if (withMarkers && p)
      map.cases.push({ id: c.id, title: shortTitle(c.title), year: c.dates.start.slice(0, 4), point: p });
  }
  return map;
}

/** One case before play: its members, its state in crisis and its places. */
export function caseMap(s: Scenario): MapModel {
  const map = emptyMap();
  const { members, hosts } = memberPoints(s);
  map.members = members;
  map.hosts = hosts;
  map.places = s.places.map(point);
  const host = casePoint(s);
  map.focus = map.places.filter(inRegion);
  if (map.focus.length === 0 && host) map.focus = [host];
  map.current = host;
  return map;
}

/** Where the run stands on the map: a step's place and its movements of forces. */
export type MapAt = Pick<StepView, 'place' | 'moves'>;

/** Movements of forces at a step, as the scenario states them (nothing is guessed). */
function movesFor(step: MapAt): MapMove[] {
  return step.moves.map((m) => ({ from: point(m.from), to: point(m.to), label: m.label }));
}

/**
 * During a run: the case map plus the current place, the track so far and movements. `step` is the
 * open step, or on a result the decided step (so the map has not yet moved on).
 */
export function runMap(
  s: Scenario,
  step: MapAt | undefined,
  visited: readonly string[],
  councilShown: boolean,
): MapModel {
  const map = caseMap(s);
  const track: MapPoint[] = [];
  for (const id of visited) {
    const p = placeOf(s, s.steps.find((x) => x.id === id)?.place);
    if (p && track[track.length - 1]?.id !== p.id) track.push(p);
  }
  map.track = track;
  const here = step?.place ? point(step.place) : (track[track.length - 1] ?? map.current);
  map.current = here;
  map.moves = step ? movesFor(step) : [];
  const focus = [...map.hosts, ...track].filter(inRegion);
  if (here && inRegion(here)) focus.push(here);
  for (const m of map.moves) if (inRegion(m.from)) focus.push(m.from);
  map.focus = focus.length > 0 ? focus : map.focus;
  map.dim = councilShown;
  return map;
}
