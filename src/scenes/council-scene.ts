/**
 * The Collective Security Council chamber: each member's seat, its position (supports,
 * abstains, objects: colour, symbol and word) and lean, the tally, and the verdict when the
 * vote is called. It draws only the CouncilView of the screen payload.
 */
import * as Phaser from 'phaser';
import type { CouncilMemberView, CouncilView, Position } from '../engine/view-types';
import type { ChamberTeam, ScreenPayload } from '../ui/bridge';
import { BridgeEvent, SceneKey } from '../ui/keys';
import { hex } from '../ui/palette';
import { BaseScene, FONT, type Rect } from './base-scene';
import { chamberLayout, STAMP } from './chamber-layout';

const WORD: Record<Position, string> = { support: 'Supports', abstain: 'Abstains', object: 'Objects' };

/** A member's seat: its position, or `pending` while the team holding it has not voted. */
type SeatPosition = Position | 'pending';

interface Seat {
  actor: string;
  position: SeatPosition;
  lean: number;
  x: number;
  y: number;
  r: number;
  container: Phaser.GameObjects.Container;
}

export class CouncilScene extends BaseScene {
  private council: CouncilView | null = null;
  private verdict: ScreenPayload['verdict'] = null;
  private teams: ChamberTeam[] = [];
  private played: string | null = null;
  private seats: Seat[] = [];
  private objects: Phaser.GameObjects.GameObject[] = [];

  constructor() {
    super(SceneKey.Council);
  }

  protected override build(): void {
    this.seats = [];
    this.objects = [];
    this.played = null;
    const screen = this.channel.latest(BridgeEvent.Screen);
    this.council = screen?.council ?? null;
    this.verdict = screen?.verdict ?? null;
    this.teams = screen?.teams ?? [];
    this.listen(BridgeEvent.Screen, (p) => {
      if (!p.council) return;
      const previous = this.seats.map((s) => ({ actor: s.actor, position: s.position }));
      this.council = p.council;
      this.verdict = p.verdict;
      this.teams = p.teams ?? [];
      this.rebuild(previous);
    });
    this.redraw();
  }

  protected override redraw(): void {
    this.rebuild([]);
  }

  private colour(position: SeatPosition): string {
    const t = this.theme();
    if (position === 'pending') return t.muted;
    return position === 'support' ? t.support : position === 'object' ? t.object : t.abstain;
  }

  private text(x: number, y: number, s: string, size: number, colour: string, bold = false): Phaser.GameObjects.Text {
    return this.add
      .text(x, y, s, {
        fontFamily: FONT,
        fontSize: this.px(size),
        fontStyle: bold ? '700' : '500',
        color: colour,
        align: 'center',
        stroke: this.theme().panel,
        strokeThickness: 3,
      })
      .setOrigin(0.5, 0);
  }

  private clear(): void {
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.seats = [];
  }

  /** The free part of the screen above the gauges (with a gap), at least 200 pixels high. */
  private area(): Rect {
    const free = this.freeRect();
    const bottom = this.freeBottom() - (this.layout?.gauges ? 12 : 0);
    return { x: free.x, y: free.y, width: free.width, height: Math.max(200, bottom - free.y) };
  }

  private rebuild(previous: { actor: string; position: SeatPosition }[]): void {
    this.clear();
    const council = this.council;
    if (!council) return;
    const theme = this.theme();
    const area = this.area();
    const members = council.members;
    const scale = this.textScale();
    // Title on top, seats on an arc, names under the seats, the tally under the lowest names; all
    // inside the free area, so on a short screen the tally never runs over a member's name.
    const { cx, cy, radius, radiusY, seatR, tallyY, verdictY, seat } = chamberLayout(area, members.length, scale);
    // A veil over the map behind the chamber, so the map's labels do not show through the seats and
    // names: the whole area, down to the gauges (ended under the tally, it left a band of bare map
    // between the chamber and the gauges on a tall screen).
    const veil = this.add.rectangle(area.x, area.y, area.width, area.height, hex(theme.sea), 0.78).setOrigin(0, 0);
    this.objects.push(veil);
    // The table: a horseshoe under the seats.
    const table = this.add.graphics();
    table.lineStyle(seatR * 0.9, hex(theme.landEdge), 0.35);
    const inner = seatR * 1.7;
    const rim: Phaser.Math.Vector2[] = [];
    for (let k = 0; k <= 48; k++) {
      const a = Math.PI * (1.02 + (0.96 * k) / 48);
      rim.push(new Phaser.Math.Vector2(cx + Math.cos(a) * (radius - inner), cy + Math.sin(a) * (radiusY - inner)));
    }
    table.strokePoints(rim, false, false);
    this.objects.push(table);

    const teamOf = new Map(this.teams.map((t) => [t.actor, t]));
    const positionOf = (m: CouncilMemberView): SeatPosition =>
      teamOf.get(m.actor)?.voted === false ? 'pending' : m.position;
    const waiting = members.filter((m) => positionOf(m) === 'pending').length;
    const tally = { support: 0, abstain: 0, object: 0 };
    for (const m of members) {
      const p = positionOf(m);
      if (p !== 'pending') tally[p] += 1;
    }
    this.objects.push(this.text(cx, area.y + 12, 'Collective Security Council', 14, theme.muted, true));
    const status = this.verdict
      ? this.verdict === 'consensus'
        ? 'The Council has agreed by consensus'
        : 'The proposal is blocked'
      : waiting > 0
        ? `Waiting for ${waiting} team${waiting === 1 ? '' : 's'} to vote`
        : council.wouldPass
          ? 'Consensus would form: no member objects'
          : `Blocked if put to the vote: ${tally.object} ${tally.object === 1 ? 'member objects' : 'members object'}`;
    this.objects.push(
      this.text(
        cx,
        tallyY,
        `${tally.support} support · ${tally.abstain} abstain · ${tally.object} object`,
        17,
        theme.text,
        true,
      ),
      this.text(
        cx,
        tallyY + 24 * scale,
        status,
        13,
        waiting > 0 && !this.verdict ? theme.muted : council.wouldPass ? theme.better : theme.worse,
        true,
      ),
    );

    members.forEach((m, i) => {
      const { x, y } = seat(i);
      const placed = this.seat(m, positionOf(m), teamOf.get(m.actor)?.team ?? null, x, y, seatR);
      this.seats.push(placed);
      const before = previous.find((p) => p.actor === m.actor);
      if (before && before.position !== placed.position && !this.reducedMotion) {
        placed.container.setScale(1.25);
        this.tweens.add({ targets: placed.container, scale: 1, duration: 500, ease: 'Back.easeOut' });
      }
    });

    if (this.verdict) this.playVerdict(this.verdict, cx, verdictY);
  }

  private seat(
    m: CouncilMemberView,
    position: SeatPosition,
    team: string | null,
    x: number,
    y: number,
    r: number,
  ): Seat {
    const theme = this.theme();
    const colour = this.colour(position);
    const g = this.add.graphics();
    g.fillStyle(hex(theme.panel), 0.95).fillCircle(0, 0, r);
    g.fillStyle(hex(colour), 0.22).fillCircle(0, 0, r);
    g.lineStyle(3, hex(colour), 1).strokeCircle(0, 0, r);
    // The symbol, so position never rests on colour alone.
    g.lineStyle(Math.max(3, r * 0.14), hex(colour), 1);
    const s = r * 0.42;
    const scale = this.textScale();
    const parts: Phaser.GameObjects.GameObject[] = [g];
    if (position === 'pending') {
      parts.push(this.text(0, -r * 0.45, '?', 26, colour, true));
    } else if (position === 'support') {
      g.beginPath();
      g.moveTo(-s, 0);
      g.lineTo(-s * 0.25, s * 0.7);
      g.lineTo(s, -s * 0.65);
      g.strokePath();
    } else if (position === 'object') {
      g.lineBetween(-s * 0.8, -s * 0.8, s * 0.8, s * 0.8);
      g.lineBetween(-s * 0.8, s * 0.8, s * 0.8, -s * 0.8);
    } else {
      g.lineBetween(-s * 0.8, 0, s * 0.8, 0);
    }
    // Lean: an arc under the seat, from -100 (left) to +100 (right), with a marker.
    const lean = Phaser.Math.Clamp(m.lean, -100, 100);
    const la = Math.PI * (1 - (lean + 100) / 200);
    g.lineStyle(3, hex(theme.landEdge), 1);
    g.beginPath();
    g.arc(0, 0, r + 7, Math.PI, 0, true);
    g.strokePath();
    g.fillStyle(hex(theme.text), 1).fillCircle(Math.cos(la) * (r + 7), Math.sin(la) * (r + 7), 4);

    const name = this.text(0, r + 14, m.name, 14, theme.text, true);
    const word = this.text(
      0,
      r + 14 + 19 * scale,
      position === 'pending' ? 'Voting…' : WORD[position],
      12,
      colour,
      true,
    );
    parts.push(name, word);
    const above = [team, m.lobby?.done ? 'lobbied' : null].filter(Boolean).join(' · ');
    if (above) parts.push(this.text(0, -r - 24 * scale, above, 11, theme.accent, true));
    const container = this.add.container(x, y, parts);
    this.objects.push(container);
    return { actor: m.actor, position, lean: m.lean, x, y, r, container };
  }

  private playVerdict(verdict: 'consensus' | 'blocked', x: number, y: number): void {
    const theme = this.theme();
    const key = `${verdict}:${this.council?.proposal ?? ''}`;
    const animate = !this.reducedMotion && this.played !== key;
    this.played = key;
    const colour = verdict === 'consensus' ? theme.better : theme.worse;
    const label = verdict === 'consensus' ? 'CONSENSUS' : 'BLOCKED';
    const t = this.add
      .text(x, y, label, {
        fontFamily: FONT,
        fontSize: this.px(STAMP.fontSize),
        fontStyle: '800',
        color: colour,
        stroke: theme.panel,
        strokeThickness: 6,
      })
      .setOrigin(0.5)
      .setAngle(STAMP.angle);
    const pad = STAMP.pad;
    const box = this.add.graphics();
    box
      .lineStyle(4, hex(colour), 1)
      .strokeRoundedRect(-t.width / 2 - pad, -t.height / 2 - pad / 2, t.width + pad * 2, t.height + pad, 8);
    const stamp = this.add.container(x, y, [box]).setAngle(STAMP.angle);
    this.objects.push(stamp, t);
    if (!animate) return;
    this.seats.forEach((s, i) => {
      this.tweens.add({ targets: s.container, scale: 1.18, yoyo: true, duration: 220, delay: i * 160 });
    });
    const delay = this.seats.length * 160 + 200;
    for (const o of [t, stamp]) {
      o.setScale(2.4).setAlpha(0);
      this.tweens.add({ targets: o, scale: 1, alpha: 1, duration: 420, delay, ease: 'Back.easeOut' });
    }
  }

  protected override teardown(): void {
    this.tweens.killAll();
    this.clear();
  }
}
