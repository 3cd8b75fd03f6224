/**
 * What the map shows, as plain data. The app builds it from the scenario and the engine's view;
 * the world scene only draws it. No game rule lives here: it reads ids, places and actors.
 */

import { partiesOf } from '../engine/parties';
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

/**
 * A region drawn as a circle around a place (the case's `map: { highlight }`): an invented state,
 * or an area no country outline fits. `ring` is the circle as longitude/latitude points, computed
 * here so the scene only projects and fills it.
 */
export interface MapRegion {
  id: string;
  /** The name written on the region. */
  name: string;
  center: MapPoint;
  radiusKm: number;
  /** The circle's outline: 64 points on the sphere, `radiusKm` from the centre. */
  ring: { lon: number; lat: number }[];
}

export interface MapModel {
  /** Points inside the alliance's member states: the country around each is shaded. */
  members: MapPoint[];
  /** Points inside the state in crisis (and any other requesting or affected party): its country is highlighted. */
  hosts: MapPoint[];
  /** Points inside a party accused in the crisis (the case's `parties`): its country is outlined as accused. */
  accused: MapPoint[];
  /** Regions drawn as circles around places (instead of a country): highlighted like the host. */
  regions: MapRegion[];
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

/** A party to the crisis on the map: where its actor sits and its role (the case's `parties`, or `host`). */
export interface MapParty {
  point: MapPoint;
  role: 'requesting' | 'accused' | 'affected';
}

/** The parties to the crisis that have a place, in the engine's order (`partiesOf`: `host` first unless listed). */
export function partyPoints(s: Scenario): MapParty[] {
  return partiesOf(s).flatMap((p) => {
    const place = placeOf(s, s.actors.find((a) => a.id === p.actor)?.place);
    return place ? [{ point: place, role: p.role }] : [];
  });
}

export function emptyMap(): MapModel {
  return {
    members: [],
    hosts: [],
    accused: [],
    regions: [],
    places: [],
    current: null,
    track: [],
    moves: [],
    cases: [],
    focus: [],
    dim: false,
  };
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

/**
 * What the case's `map` setting lets the map shade: real countries around the members' places
 * (not with `map: none` or `shade: false`), and the host's country (not when the case draws its
 * own regions with `highlight`, nor with `map: none`).
 */
export function mapShading(s: Pick<Scenario, 'map'>): { members: boolean; host: boolean } {
  const m = s.map;
  if (m === 'none') return { members: false, host: false };
  if (m === undefined) return { members: true, host: true };
  return { members: m.shade, host: m.shade && !m.highlight };
}

const EARTH_RADIUS_KM = 6371;
const RING_POINTS = 64;

/** The points `radiusKm` from a centre on the sphere, every 360/64 degrees of bearing. */
export function circleRing(lon: number, lat: number, radiusKm: number): { lon: number; lat: number }[] {
  const rad = Math.PI / 180;
  const d = radiusKm / EARTH_RADIUS_KM;
  const φ1 = lat * rad;
  const λ1 = lon * rad;
  const ring: { lon: number; lat: number }[] = [];
  for (let i = 0; i < RING_POINTS; i++) {
    const θ = (i / RING_POINTS) * 2 * Math.PI;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
    ring.push({ lon: Math.round((λ2 / rad) * 1e4) / 1e4, lat: Math.round((φ2 / rad) * 1e4) / 1e4 });
  }
  return ring;
}

/** The regions the case draws around its places (`map: { highlight }`); none by default. */
export function mapRegions(s: Pick<Scenario, 'map' | 'places'>): MapRegion[] {
  if (typeof s.map !== 'object' || !s.map.highlight) return [];
  return s.map.highlight.flatMap((x) => {
    const p = s.places.find((q) => q.id === x.place);
    if (!p) return [];
    return [
      {
        id: p.id,
        name: x.label ?? p.name,
        center: point(p),
        radiusKm: x.radius_km,
        ring: circleRing(p.lon, p.lat, x.radius_km),
      },
    ];
  });
}

/**
 * The countries to shade: the members', the state in crisis's (with the other requesting and
 * affected parties) and the accused parties' (outlined apart). The parties follow the host's
 * shading: none with `map: none` or when the case draws its own regions.
 */
export function memberPoints(s: Scenario): { members: MapPoint[]; hosts: MapPoint[]; accused: MapPoint[] } {
  const members: MapPoint[] = [];
  const hosts: MapPoint[] = [];
  const accused: MapPoint[] = [];
  const shading = mapShading(s);
  for (const a of s.actors) {
    const p = placeOf(s, a.place);
    if (!p) continue;
    if (shading.members && (a.kind === 'member' || a.kind === 'host')) members.push(p);
  }
  const host = shading.host ? hostActor(s) : undefined;
  const hp = host ? placeOf(s, host.place) : null;
  if (hp) hosts.push(hp);
  if (shading.host) {
    for (const party of partyPoints(s)) {
      const list = party.role === 'accused' ? accused : hosts;
      if (!list.some((p) => p.lon === party.point.lon && p.lat === party.point.lat)) list.push(party.point);
    }
  }
  return { members, hosts, accused };
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
  const { members, hosts, accused } = memberPoints(s);
  map.members = members;
  map.hosts = hosts;
  map.accused = accused;
  map.regions = mapRegions(s);
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
  const focus = [...map.hosts, ...map.regions.map((r) => r.center), ...track].filter(inRegion);
  if (here && inRegion(here)) focus.push(here);
  for (const m of map.moves) if (inRegion(m.from)) focus.push(m.from);
  map.focus = focus.length > 0 ? focus : map.focus;
  map.dim = councilShown;
  return map;
}
