/**
 * The meters as gauges: an arc per meter with its label and number, animating when it moves.
 * It draws only the meters of the screen payload; the HTML panel holds their accessible twin.
 */
import * as Phaser from 'phaser';
import type { MeterView } from '../engine/view-types';
import { type Bridge, bridge, type Layout } from '../ui/bridge';
import { BridgeEvent, SceneKey } from '../ui/keys';
import { DARK, HIGH_CONTRAST, hex, meterHue, type Theme } from '../ui/palette';
import { defaultSettings, type Settings, textScale } from '../ui/settings';

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

export class GaugesScene extends Phaser.Scene {
  private gauges: Gauge[] = [];
  private floats: Phaser.GameObjects.Text[] = [];
  private backdrop!: Phaser.GameObjects.Graphics;
  private settings: Settings = defaultSettings();
  private layout: Layout | null = null;
  private meters: MeterView[] = [];
  private offs: (() => void)[] = [];
  private readonly channel: Bridge = bridge;

  constructor() {
    super(SceneKey.Gauges);
  }

  create(): void {
    this.gauges = [];
    this.backdrop = this.add.graphics();
    this.settings = this.channel.latest(BridgeEvent.Settings) ?? this.settings;
    this.layout = this.channel.latest(BridgeEvent.Layout) ?? null;
    this.meters = this.channel.latest(BridgeEvent.Screen)?.meters ?? [];
    this.offs.push(
      this.channel.on(BridgeEvent.Screen, (p) => {
        if (p.meters) this.update_(p.meters);
      }),
      this.channel.on(BridgeEvent.Layout, (l) => {
        this.layout = l;
        this.rebuild();
      }),
      this.channel.on(BridgeEvent.Settings, (s) => {
        this.settings = s;
        this.rebuild();
      }),
    );
    this.scale.on(Phaser.Scale.Events.RESIZE, this.rebuild, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.shutdown, this);
    this.rebuild();
  }

  private theme(): Theme {
    return this.settings.highContrast ? HIGH_CONTRAST : DARK;
  }

  /** New values: animate the gauges that moved, rebuild if the set of meters changed. */
  private update_(meters: MeterView[]): void {
    const sameSet = meters.length === this.gauges.length && meters.every((m, i) => this.gauges[i]?.meter.id === m.id);
    this.meters = meters;
    if (!sameSet) {
      this.rebuild();
      return;
    }
    meters.forEach((m, i) => {
      const g = this.gauges[i];
      if (!g) return;
      const from = g.shown;
      g.meter = m;
      if (from === m.value) return;
      g.tween?.stop();
      if (this.settings.reducedMotion) {
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
        fontFamily: 'Inter, system-ui, sans-serif',
        fontSize: `${Math.round(Math.min(14, g.r * 0.36) * textScale(this.settings.textSize))}px`,
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

  private rebuild(): void {
    this.clear();
    const rect = this.layout?.gauges;
    if (!rect || this.meters.length === 0) return;
    const theme = this.theme();
    const scale = textScale(this.settings.textSize);
    this.backdrop.fillStyle(hex(theme.panel), 0.9).fillRoundedRect(rect.x, rect.y, rect.width, rect.height, 10);
    this.backdrop.lineStyle(1, hex(theme.landEdge), 1).strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, 10);
    const n = this.meters.length;
    const cell = rect.width / n;
    const font = 'Inter, system-ui, sans-serif';
    // Labels first: their height decides how large the dials can be.
    const labels = this.meters.map((meter) =>
      this.add
        .text(0, 0, meter.label, {
          fontFamily: font,
          fontSize: `${Math.round(13 * scale)}px`,
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
          fontFamily: font,
          fontSize: `${Math.round(11 * Math.min(scale, 1.2))}px`,
          color: theme.muted,
          align: 'center',
          wordWrap: { width: cell - 8 },
        })
        .setOrigin(0.5, 0),
    );
    const labelH = Math.max(...labels.map((l) => l.height));
    const hintH = Math.max(...hints.map((t) => t.height));
    const top = 12;
    const r = Math.max(16, Math.min(cell * 0.3, (rect.height - top - labelH - hintH - 14) / 1.8));
    this.meters.forEach((meter, i) => {
      const cx = rect.x + cell * (i + 0.5);
      const cy = rect.y + top + r + 4;
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
            fontFamily: font,
            fontSize: `${Math.round(Math.min(r * 0.62, 30) * Math.min(scale, 1.2))}px`,
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

  private shutdown(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.scale.off(Phaser.Scale.Events.RESIZE, this.rebuild, this);
    this.clear();
  }
}
