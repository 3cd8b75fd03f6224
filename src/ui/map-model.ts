/**
 * What the map shows, as plain data. The app builds it from the scenario and the engine's view;
 * the world scene only draws it. No game rule lives here: it reads ids, places and actors.
 */

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
