/**
 * The meters as gauges: an arc per meter with its label and number, animating when it moves.
 * It draws only the meters of the screen payload; the HTML panel holds their accessible twin.
 */
import * as Phaser from 'phaser';
import type { MeterView } from '../engine/view-types';
import { BridgeEvent, SceneKey } from '../ui/keys';
import { hex, meterHue } from '../ui/palette';
import { BaseScene, FONT } from './base-scene';

const START = Phaser.Math.DegToRad(150);
const SWEEP = Phaser.Math.DegToRad(240);

interface Gauge {
  meter: MeterView;
  shown: number;
  arc: Phaser.GameObjects.Graphics;
  value: Phaser.GameObjects.Text;
  label: Phaser.GameObjects.Text;
  hint: Phaser.GameObjects.Text;
  cx: number;
  cy: number;
  r: number;
  hue: string;
  tween: Phaser.Tweens.Tween | null;
}

export class GaugesScene extends BaseScene {
  private gauges: Gauge[] = [];
  private floats: Phaser.GameObjects.Text[] = [];
  private backdrop!: Phaser.GameObjects.Graphics;
  private meters: MeterView[] = [];

  constructor() {
    super(SceneKey.Gauges);
  }

  protected override build(): void {
    this.gauges = [];
    this.backdrop = this.add.graphics();
    this.meters = this.channel.latest(BridgeEvent.Screen)?.meters ?? [];
    this.listen(BridgeEvent.Screen, (p) => {
      if (p.meters) this.update_(p.meters);
    });
    this.redraw();
  }

  /** New values: animate the gauges that moved, rebuild if the set of meters changed. */
  private update_(meters: MeterView[]): void {
    const sameSet = meters.length === this.gauges.length && meters.every((m, i) => this.gauges[i]?.meter.id === m.id);
    this.meters = meters;
    if (!sameSet) {
      this.redraw();
      return;
    }
    meters.forEach((m, i) => {
      const g = this.gauges[i];
      if (!g) return;
      const from = g.shown;
      g.meter = m;
      if (from === m.value) return;
      g.tween?.stop();
      if (this.reducedMotion) {
        g.shown = m.value;
        this.drawGauge(g);
        return;
      }
      this.floatDelta(g, m.value - from);
      const state = { v: from };
      g.tween = this.tweens.add({
        targets: state,
        v: m.value,
        duration: 1100,
        ease: 'Cubic.easeOut',
        onUpdate: () => {
          g.shown = state.v;
          this.drawGauge(g);
        },
        onComplete: () => {
          g.tween = null;
          g.shown = m.value;
          this.drawGauge(g);
        },
      });
    });
  }

  private floatDelta(g: Gauge, delta: number): void {
    const theme = this.theme();
    const good = delta > 0 === (g.meter.higherIs === 'better');
    const text = `${delta > 0 ? '+' : '−'}${Math.abs(Math.round(delta * 10) / 10)}`;
    const t = this.add
      .text(g.cx, g.cy + g.r * 0.52, text, {
        fontFamily: FONT,
        fontSize: this.px(Math.min(14, g.r * 0.36)),
        fontStyle: '700',
        color: good ? theme.better : theme.worse,
        stroke: theme.panel,
        strokeThickness: 4,
      })
      .setOrigin(0.5);
    this.floats.push(t);
    this.tweens.add({
      targets: t,
      alpha: 0,
      delay: 1600,
      duration: 900,
      onComplete: () => {
        this.floats = this.floats.filter((x) => x !== t);
        t.destroy();
      },
    });
  }

  private clear(): void {
    for (const g of this.gauges) {
      g.tween?.stop();
      g.arc.destroy();
      g.value.destroy();
      g.label.destroy();
      g.hint.destroy();
    }
    this.gauges = [];
    for (const f of this.floats) f.destroy();
    this.floats = [];
    this.backdrop.clear();
  }

  protected override redraw(): void {
    this.clear();
    const rect = this.layout?.gauges;
    if (!rect || this.meters.length === 0) return;
    const theme = this.theme();
    this.backdrop.fillStyle(hex(theme.panel), 0.9).fillRoundedRect(rect.x, rect.y, rect.width, rect.height, 10);
    this.backdrop.lineStyle(1, hex(theme.landEdge), 1).strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, 10);
    const columns = Math.max(1, Math.min(rect.columns, this.meters.length));
    const rows = Math.ceil(this.meters.length / columns);
    const cell = rect.width / columns;
    const rowHeight = rect.height / rows;
    // Labels first: their height decides how large the dials can be.
    const labels = this.meters.map((meter) =>
      this.add
        .text(0, 0, meter.label, {
          fontFamily: FONT,
          fontSize: this.px(rect.labelPx),
          fontStyle: '600',
          color: theme.text,
          align: 'center',
          wordWrap: { width: cell - 10 },
        })
        .setOrigin(0.5, 0),
    );
    const hints = this.meters.map((meter) =>
      this.add
        .text(0, 0, meter.higherIs === 'better' ? '▲ higher is better' : '▼ lower is better', {
          fontFamily: FONT,
          fontSize: this.px(rect.hintPx, 1.2),
          color: theme.muted,
          align: 'center',
          wordWrap: { width: cell - 8 },
        })
        .setOrigin(0.5, 0),
    );
    const labelH = Math.max(...labels.map((l) => l.height));
    const hintH = Math.max(...hints.map((t) => t.height));
    const top = 12;
    const r = Math.max(16, Math.min(cell * 0.3, (rowHeight - top - labelH - hintH - 14) / 1.8));
    this.meters.forEach((meter, i) => {
      const row = Math.floor(i / columns);
      // A last row with fewer gauges is centred under the others.
      const inRow = row === rows - 1 ? this.meters.length - row * columns : columns;
      const offset = ((columns - inRow) * cell) / 2;
      const cx = rect.x + offset + cell * ((i % columns) + 0.5);
      const cy = rect.y + row * rowHeight + top + r + 4;
      const label = labels[i] as Phaser.GameObjects.Text;
      const hint = hints[i] as Phaser.GameObjects.Text;
      label.setPosition(cx, cy + r * 0.78 + 4);
      hint.setPosition(cx, label.y + labelH + 1);
      const g: Gauge = {
        meter,
        shown: meter.value,
        arc: this.add.graphics(),
        value: this.add
          .text(cx, cy - r * 0.06, '', {
            fontFamily: FONT,
            fontSize: this.px(Math.min(r * 0.62, 30), 1.2),
            fontStyle: '700',
            color: theme.text,
          })
          .setOrigin(0.5),
        label,
        hint,
        cx,
        cy,
        r,
        hue: meterHue(i),
        tween: null,
      };
      this.gauges.push(g);
      this.drawGauge(g);
    });
  }

  private drawGauge(g: Gauge): void {
    const theme = this.theme();
    const { min, max } = g.meter;
    const frac = Phaser.Math.Clamp((g.shown - min) / (max - min || 1), 0, 1);
    const width = Math.max(6, g.r * 0.2);
    const a = g.arc;
    a.clear();
    a.lineStyle(width, hex(theme.landEdge), 1);
    a.beginPath();
    a.arc(g.cx, g.cy, g.r, START, START + SWEEP, false);
    a.strokePath();
    if (frac > 0.001) {
      a.lineStyle(width, hex(g.hue), 1);
      a.beginPath();
      a.arc(g.cx, g.cy, g.r, START, START + SWEEP * frac, false);
      a.strokePath();
    }
    // The tip: a small knob where the value is.
    const ang = START + SWEEP * frac;
    a.fillStyle(hex(theme.text), 1);
    a.fillCircle(g.cx + Math.cos(ang) * g.r, g.cy + Math.sin(ang) * g.r, width * 0.42);
    g.value.setText(String(Math.round(g.shown)));
  }

  protected override teardown(): void {
    this.clear();
  }
}
