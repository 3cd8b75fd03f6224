/**
 * The printed Council role sheets (issue 12, "On paper"): each team's Council votes under the
 * seats whose runs meet them, never under a seat that cannot; the seat that makes a team sit out;
 * no glossary on a team's sheet (it prints once, on its own).
 */
import { describe, expect, it } from 'vitest';
import { councilSeats } from '../../src/classroom/council-teams';
import { councilStepsBySeat, teamRoleSheet, teamRoleSheets } from '../../src/classroom/role-sheet';
import { seatRuns } from '../../src/classroom/seat-runs';
import type { Scenario } from '../../src/engine';
import { staticReachable } from '../../src/engine/lint';
import { bundledScenarioFiles, loadFixture, loadOrThrow } from '../helpers';

const cases = bundledScenarioFiles().map(loadOrThrow);
function bundled(id: string): Scenario {
  const s = cases.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id}`);
  return s;
}
const kz = bundled('kazakhstan-2022');
const kg = bundled('kyrgyzstan-2010');
const mini = loadFixture('mini.yaml');

const CHAIR = "“Chair of the Collective Security Council: Armenia's Prime Minister Nikol Pashinyan”";
const TOKAYEV = '“President of Kazakhstan: Kassym-Jomart Tokayev”';

describe('the Council votes a seat’s runs meet', () => {
  it('kazakhstan-2022: the chair’s runs meet the chair’s Council steps, Tokayev’s his', () => {
    const met = councilStepsBySeat(kz);
    expect([...(met.get('chair')?.some ?? [])].sort()).toEqual(['ch-council', 'ch-council-2']);
    expect([...(met.get('tokayev')?.some ?? [])].sort()).toEqual(['tk-council', 'tk-late-council']);
    // No run from either seat is sure to meet a Council: each path can avoid it.
    expect(met.get('tokayev')?.every.size).toBe(0);
  });

  it.each(cases.map((s) => [s.id, s] as const))(
    '%s: the runs meet every Council step the seat can reach, and no other',
    (_, s) => {
      const met = councilStepsBySeat(s);
      const council = new Set(s.steps.filter((x) => x.council).map((x) => x.id));
      for (const role of s.roles) {
        const seat = met.get(role.id);
        expect(seat, role.id).toBeDefined();
        const reachable = staticReachable(s, role.id);
        for (const id of seat?.some ?? []) {
          expect(council.has(id)).toBe(true);
          expect(reachable.has(id), `${role.id} reaches ${id}`).toBe(true);
        }
        // The seeded runs find every Council step a path from the seat can reach (the static walk, guards ignored).
        expect([...(seat?.some ?? [])].sort()).toEqual([...council].filter((id) => reachable.has(id)).sort());
        for (const id of seat?.every ?? []) expect(seat?.some.has(id)).toBe(true);
      }
    },
  );

  it('plays its runs once per case (seat-runs.ts caches them)', () => {
    expect(seatRuns(kz)).toBe(seatRuns(kz));
    expect(councilStepsBySeat(kz)).toEqual(councilStepsBySeat(kz));
  });
});

describe('a team’s role sheet', () => {
  it('groups Russia’s votes by the seat the class may play, and leaves the step titles (“Your plea…”) out', () => {
    const sheet = teamRoleSheet(kz, 'russia');
    expect(sheet.sitsOut).toEqual([]);
    expect(sheet.groups.map((g) => g.heading)).toEqual([
      `If the class plays ${CHAIR}`,
      `If the class plays ${TOKAYEV}`,
    ]);
    expect(sheet.groups.map((g) => g.votes.map((v) => v.step))).toEqual([
      ['ch-council', 'ch-council-2'],
      ['tk-council', 'tk-late-council'],
    ]);
    expect(sheet.groups[1]?.votes[0]?.proposal).toMatch(/at President Tokayev's request/);
    expect(JSON.stringify(sheet)).not.toContain('Your plea');
    expect(sheet).not.toHaveProperty('glossary');
    expect(sheet).not.toHaveProperty('councils');
  });

  it('the team holding a seat’s own member sits that seat out, and lists only the other seat’s votes', () => {
    const armenia = teamRoleSheet(kz, 'armenia');
    expect(armenia.sitsOut).toEqual([{ id: 'chair', title: kz.roles[0]?.title }]);
    expect(armenia.groups.map((g) => g.seats.map((x) => x.id))).toEqual([['tokayev']]);
    expect(armenia.groups[0]?.votes.map((v) => v.step)).toEqual(['tk-council', 'tk-late-council']);
    const kazakhstan = teamRoleSheet(kz, 'kazakhstan');
    expect(kazakhstan.sitsOut.map((x) => x.id)).toEqual(['tokayev']);
    expect(kazakhstan.groups.map((g) => g.heading)).toEqual([`If the class plays ${CHAIR}`]);
    // The brief of the seat it holds stays on its sheet.
    expect(kazakhstan.seats.map((x) => x.id)).toEqual(['tokayev']);
  });

  it('once the class has chosen its seat, a sheet lists only the votes that seat’s runs meet', () => {
    const met = councilStepsBySeat(kz);
    const russia = teamRoleSheet(kz, 'russia', met, 'tokayev');
    expect(russia.groups.map((g) => g.heading)).toEqual([`The class plays ${TOKAYEV}`]);
    expect(russia.groups[0]?.votes.map((v) => v.step)).toEqual(['tk-council', 'tk-late-council']);
    for (const v of russia.groups[0]?.votes ?? []) expect(met.get('tokayev')?.some.has(v.step)).toBe(true);
    // The team holding the class's own member sits out, and lists no vote.
    const armenia = teamRoleSheet(kz, 'armenia', met, 'chair');
    expect(armenia.sitsOut.map((x) => x.id)).toEqual(['chair']);
    expect(armenia.groups).toEqual([]);
    // Its other seat's sit-out is not mentioned once the seat is known.
    expect(teamRoleSheet(kz, 'kazakhstan', met, 'chair').sitsOut).toEqual([]);
    // An unknown seat is ignored: every seat's votes, as before the choice.
    const sheets = teamRoleSheets(kz, [], 'no-such-seat', met);
    expect(sheets.find((x) => x.sheet.actor.id === 'russia')?.sheet.groups).toHaveLength(2);
  });

  it('kyrgyzstan-2010: both seats meet the same Council votes: one group, in date order', () => {
    const sheet = teamRoleSheet(kg, 'russia');
    expect(sheet.groups).toHaveLength(1);
    expect(sheet.groups[0]?.heading).toBe('Whichever seat the class plays');
    const dates = sheet.groups[0]?.votes.map((v) => v.date) ?? [];
    expect(dates).toEqual([...dates].sort());
    expect(dates).toHaveLength(3);
  });

  it.each(cases.map((s) => [s.id, s] as const))(
    '%s: no vote is listed under a seat whose runs do not meet it, none a seat meets is left out',
    (_, s) => {
      const met = councilStepsBySeat(s);
      for (const seat of councilSeats(s)) {
        const sheet = teamRoleSheet(s, seat.actor, met);
        const own = new Set(s.roles.filter((r) => r.actor === seat.actor).map((r) => r.id));
        expect(new Set(sheet.sitsOut.map((x) => x.id))).toEqual(own);
        const listed = new Set<string>();
        for (const g of sheet.groups) {
          expect(g.votes.length).toBeGreaterThan(0);
          for (const x of g.seats) expect(own.has(x.id), `${seat.actor} sits out ${x.id}`).toBe(false);
          for (const v of g.votes) {
            listed.add(v.step);
            for (const x of g.seats) expect(met.get(x.id)?.some.has(v.step), `${x.id} meets ${v.step}`).toBe(true);
            // Every other seat (the team at the table) that meets it is named in the same group.
            const meeting = s.roles.filter((r) => !own.has(r.id) && met.get(r.id)?.some.has(v.step)).map((r) => r.id);
            expect(g.seats.map((x) => x.id)).toEqual(meeting);
          }
        }
        const wanted = seat.councils
          .map((c) => c.step)
          .filter((step) => s.roles.some((r) => !own.has(r.id) && met.get(r.id)?.some.has(step)));
        expect([...listed].sort()).toEqual([...wanted].sort());
      }
    },
  );

  it('the mini fixture: each member plays beside the other’s seat', () => {
    const blue = teamRoleSheet(mini, 'blue');
    expect(blue.actor.name).toBe('Blueland');
    expect(blue.sitsOut).toEqual([{ id: 'host', title: 'Host government' }]);
    expect(blue.groups).toEqual([
      {
        heading: 'If the class plays “Council chair”',
        seats: [{ id: 'chair', title: 'Council chair' }],
        votes: [{ step: 'vote', date: '2020-01-03', proposal: 'Send troops', always: false }],
      },
    ]);
    expect(() => teamRoleSheet(mini, 'green')).toThrow(/no actor "green"/);
  });

  it('prints the teams’ sheets, or every Council seat’s when no team is set up', () => {
    const all = teamRoleSheets(kz, []);
    expect(all.map((x) => x.sheet.actor.id)).toEqual(councilSeats(kz).map((x) => x.actor));
    expect(all.every((x) => x.team === undefined)).toBe(true);
    const some = teamRoleSheets(kz, [
      { team: ' Team Bear ', actor: 'russia' },
      { team: 'Nobody', actor: 'atlantis' },
    ]);
    expect(some.map((x) => [x.team, x.sheet.actor.id])).toEqual([['Team Bear', 'russia']]);
  });
});
