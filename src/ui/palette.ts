/**
 * Colours shared by the HTML panel (charts) and the Phaser scenes (map, gauges, chamber).
 * Meter hues follow the Okabe–Ito palette, lightened for a dark ground, so they stay apart
 * for the common colour-blindnesses; every meter also carries its label and number.
 */

export const METER_HUES = ['#6cc3f0', '#f0a43a', '#3fc29a', '#f0e442', '#d89bc2', '#f2874a', '#9fb4ff'];

export function meterHue(index: number): string {
  return METER_HUES[index % METER_HUES.length] ?? '#6cc3f0';
}

export interface Theme {
  sea: string;
  graticule: string;
  land: string;
  landEdge: string;
  member: string;
  memberEdge: string;
  host: string;
  hostEdge: string;
  /** A party accused in the crisis (the case's `parties`). */
  accused: string;
  accusedEdge: string;
  text: string;
  muted: string;
  accent: string;
  better: string;
  worse: string;
  support: string;
  abstain: string;
  object: string;
  panel: string;
  track: string;
}

export const DARK: Theme = {
  sea: '#0b1620',
  graticule: '#152634',
  land: '#1a242d',
  landEdge: '#34444f',
  member: '#21394c',
  memberEdge: '#4d7390',
  host: '#3d3420',
  hostEdge: '#e3a93b',
  accused: '#3a2228',
  accusedEdge: '#e0707a',
  text: '#ece6d9',
  muted: '#a9b5be',
  accent: '#e3a93b',
  better: '#6cc3f0',
  worse: '#f0a43a',
  support: '#6cc3f0',
  abstain: '#cfc8b8',
  object: '#f2874a',
  panel: '#0f171e',
  track: '#e3a93b',
};

export const HIGH_CONTRAST: Theme = {
  sea: '#000000',
  graticule: '#1e1e1e',
  land: '#202020',
  landEdge: '#bdbdbd',
  member: '#0b3550',
  memberEdge: '#7fd4ff',
  host: '#4d3f00',
  hostEdge: '#ffd400',
  accused: '#4a0012',
  accusedEdge: '#ff7a8a',
  text: '#ffffff',
  muted: '#ffffff',
  accent: '#ffd400',
  better: '#7fd4ff',
  worse: '#ffb347',
  support: '#7fd4ff',
  abstain: '#ffffff',
  object: '#ffa066',
  panel: '#000000',
  track: '#ffd400',
};

export function hex(colour: string): number {
  return Number.parseInt(colour.replace('#', ''), 16);
}
