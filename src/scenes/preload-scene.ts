/** Loads the map data with a progress bar, waits for the web font, then starts the world. */

import atlasUrl from 'virtual:article-four/atlas.json?url';
import * as Phaser from 'phaser';
import { bridge } from '../ui/bridge';
import { AssetKey, BridgeEvent, SceneKey } from '../ui/keys';
import { DARK, hex } from '../ui/palette';

export class PreloadScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.Preload);
  }

  preload(): void {
    const { width, height } = this.scale;
    const barWidth = Math.min(420, width * 0.5);
    const x = (width - barWidth) / 2;
    const y = height / 2;
    const label = this.add
      .text(width / 2, y - 28, 'Loading the map of the region…', {
        fontFamily: 'Inter, system-ui, sans-serif',
        fontSize: '15px',
        color: DARK.muted,
      })
      .setOrigin(0.5);
    const track = this.add.graphics();
    track.fillStyle(hex(DARK.landEdge), 1).fillRoundedRect(x, y, barWidth, 8, 4);
    const bar = this.add.graphics();
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      bar
        .clear()
        .fillStyle(hex(DARK.accent), 1)
        .fillRoundedRect(x, y, Math.max(8, barWidth * value), 8, 4);
      bridge.emit(BridgeEvent.LoadProgress, value);
    });
    this.load.once(Phaser.Loader.Events.COMPLETE, () => {
      label.setText('Drawing the map…');
    });
    this.load.json(AssetKey.Atlas, atlasUrl);
  }

  create(): void {
    const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
    const ready = fonts
      ? Promise.all([fonts.load('500 14px Inter'), fonts.load('700 14px Inter')]).catch(() => undefined)
      : Promise.resolve();
    void ready.then(() => {
      this.scene.start(SceneKey.World);
    });
  }
}
