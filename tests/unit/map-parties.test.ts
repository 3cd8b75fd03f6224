/**
 * Parties to a crisis on the map (src/ui/map-model.ts): the state in crisis and the other
 * requesting or affected parties are shaded as in crisis, an accused party's country apart; none
 * with `map: none`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenario, type Scenario } from '../../src/engine';
import { caseMap, memberPoints } from '../../src/ui/map-model';
import { fixture } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');

/** mini.yaml with a place for each member, Blueland in crisis and Redland accused; `extra` top-level lines. */
function withParties(extra = ''): Scenario {
  const text = MINI.replace(
    'kind: member, stance: Wants to act., interests: Influence. }',
    'kind: member, place: north, stance: Wants to act., interests: Influence. }',
  )
    .replace(
      'kind: member, stance: Wary of intervention., interests: Non-interference. }',
      'kind: member, place: capital, stance: Wary of intervention., interests: Non-interference. }',
    )
    .replace(
      'places:\n',
      `host: blue\nparties:\n  - { actor: red, role: accused }\n${extra}places:\n  - { id: north, name: North, lat: 55.75, lon: 37.6 }\n`,
    );
  const r = loadScenario(text, 'mini-parties.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

describe('parties to a crisis on the map', () => {
  it('shades the host as in crisis and outlines the accused party apart', () => {
    const s = withParties();
    const points = memberPoints(s);
    expect(points.hosts).toEqual([expect.objectContaining({ lat: 43.2, lon: 76.9 })]);
    expect(points.accused).toEqual([expect.objectContaining({ lat: 55.75, lon: 37.6 })]);
    const map = caseMap(s);
    expect(map.accused).toEqual(points.accused);
    expect(map.hosts).toEqual(points.hosts);
  });

  it('shades no party with map: none', () => {
    const s = withParties('map: none\n');
    const points = memberPoints(s);
    expect(points.hosts).toEqual([]);
    expect(points.accused).toEqual([]);
  });
});
