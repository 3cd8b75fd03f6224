/**
 * Council teams beside the class's seat (issue 12): no team plays the member whose seat the class
 * plays, lobbying is the class's move only for members no team holds, and the set-up says how many
 * of each member's Council votes a run meets.
 */
import { describe, expect, it } from 'vitest';
import { councilSeats } from '../../src/classroom/council-teams';
import {
  councilVotesMet,
  lobbyOffered,
  seatsOfMember,
  teamsForSeat,
  votesMetText,
} from '../../src/classroom/team-seats';
import { randomPlaythrough } from '../../src/engine';
import { bundledScenarioFiles, loadOrThrow } from '../helpers';

const cases = bundledScenarioFiles().map(loadOrThrow);
const kz = cases.find((s) => s.id === 'kazakhstan-2022');
if (!kz) throw new Error('no kazakhstan-2022');

describe('teams beside the class’s seat', () => {
  const teams = councilSeats(kz).map((seat, i) => ({ team: `Team ${i + 1}`, actor: seat.actor }));

  it('the team holding the seat’s own member sits out; the others play', () => {
    const chair = kz.roles.find((r) => r.id === 'chair');
    const r = teamsForSeat(kz, 'chair', teams);
    expect(r.sitsOut?.actor).toBe(chair?.actor);
    expect(r.teams.map((t) => t.actor)).not.toContain(chair?.actor);
    expect(r.teams).toHaveLength(teams.length - 1);
  });

  it('a seat whose member sits on no Council keeps every team', () => {
    for (const s of cases) {
      const seats = new Set(councilSeats(s).map((x) => x.actor));
      for (const role of s.roles.filter((r) => !seats.has(r.actor))) {
        expect(teamsForSeat(s, role.id, teams).teams).toEqual(teams.filter(() => true));
      }
    }
  });

  it('lobbying is offered only for members no team holds', () => {
    expect(lobbyOffered('russia', [{ team: 'Bear', actor: 'russia' }])).toBe(false);
    expect(lobbyOffered('belarus', [{ team: 'Bear', actor: 'russia' }])).toBe(true);
    expect(lobbyOffered('constructor', [])).toBe(true);
  });

  it('names the seats a member is played from', () => {
    expect(seatsOfMember(kz, 'armenia').map((r) => r.id)).toEqual(['chair']);
    expect(seatsOfMember(kz, 'belarus')).toEqual([]);
  });
});

describe('Council votes a run meets', () => {
  it.each(cases.map((s) => [s.id, s] as const))(
    '%s: each member’s range lies within what it sits on, and is what runs meet',
    (_id, s) => {
      const met = councilVotesMet(s);
      for (const seat of councilSeats(s)) {
        const m = met.get(seat.actor);
        expect(m?.listed).toBe(seat.councils.length);
        expect(m?.min).toBeGreaterThanOrEqual(0);
        expect(m?.max).toBeLessThanOrEqual(seat.councils.length);
        expect(m?.min).toBeLessThanOrEqual(m?.max ?? -1);
      }
      // A run from any seat meets no more of a member's votes than the range says.
      for (const role of s.roles) {
        for (let seed = 100; seed < 110; seed++) {
          const g = randomPlaythrough(s, role.id, seed);
          const visited = new Set(g.state().visited);
          g.stop();
          for (const seat of councilSeats(s)) {
            const n = seat.councils.filter((c) => visited.has(c.step)).length;
            expect(n).toBeLessThanOrEqual(met.get(seat.actor)?.max ?? -1);
          }
        }
      }
    },
  );

  it('says the range, or that every run meets them', () => {
    expect(votesMetText({ listed: 4, min: 1, max: 3 })).toBe(
      'Sits on 4 Council votes in this case; a run meets 1–3 of them, depending on the path.',
    );
    expect(votesMetText({ listed: 2, min: 2, max: 2 })).toBe(
      'Sits on 2 Council votes in this case; every run meets all of them.',
    );
    expect(votesMetText({ listed: 1, min: 1, max: 1 })).toBe(
      'Sits on 1 Council vote in this case; every run meets it.',
    );
    expect(votesMetText({ listed: 3, min: 1, max: 1 })).toBe(
      'Sits on 3 Council votes in this case; a run meets 1 of them, depending on the path.',
    );
  });

  it('on a bundled case, some member meets fewer votes than it sits on (why the set-up says so)', () => {
    const fewer = cases.some((s) => [...councilVotesMet(s).values()].some((m) => m.max < m.listed || m.min < m.listed));
    expect(fewer).toBe(true);
  });
});
