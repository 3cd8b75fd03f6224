/**
 * Text on the canvas. For each Text made, Phaser measures its font's ascent and descent on a new
 * canvas; the map makes dozens at every bake, most in the same few fonts, and that measuring was a
 * third of their cost (about 0.2 s of a slow laptop's thread as the map started). The metrics
 * depend only on the font: they are measured once a font and reused.
 */
import type * as Phaser from 'phaser';

type Style = Phaser.Types.GameObjects.Text.TextStyle;
type Metrics = Phaser.Types.GameObjects.Text.TextMetrics;

const metricsByFont = new Map<string, Metrics>();

/** Adds a Text to `scene`, with its font's metrics when they were measured before. */
export function addText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  style: Style,
): Phaser.GameObjects.Text {
  const font = [style.fontStyle, style.fontSize, style.fontFamily, style.font].join('|');
  const known = metricsByFont.get(font);
  const t = scene.add.text(x, y, text, known ? { ...style, metrics: known } : style);
  if (!known) metricsByFont.set(font, t.style.getTextMetrics());
  return t;
}
