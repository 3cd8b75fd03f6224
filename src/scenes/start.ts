/**
 * The Phaser side of the game, loaded in its own chunk after the HTML panel is up.
 * `startWorld` makes the Phaser.Game in `parent` and returns a handle the app can query and stop.
 */
import * as Phaser from 'phaser';
import { bridge } from '../ui/bridge';
import { SceneKey } from '../ui/keys';
import { CouncilScene } from './council-scene';
import { GaugesScene } from './gauges-scene';
import { type IdleLoop, idleLoop } from './idle-loop';
import { PreloadScene } from './preload-scene';
import { WorldScene } from './world-scene';

export interface WorldHandle {
  /** Live counts, for the browser tests' leak checks. */
  stats(): {
    scenes: string[];
    objects: number;
    tweens: number;
    fps: number;
    /** Frames drawn so far, times the loop went to sleep, and whether it sleeps now (idle-loop.ts). */
    loop: ReturnType<IdleLoop['stats']>;
    status: Record<string, number>;
    map: ReturnType<WorldScene['describe']> | null;
  };
  destroy(): void;
}

/**
 * True when WebGL runs in software (SwiftShader, llvmpipe): common on classroom machines without a
 * GPU driver, and in headless test browsers. There the game skips multisampling, draws at 30 fps
 * and binds one texture a batch.
 */
function softwareGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|softpipe/i.test(name);
  } catch {
    return false;
  }
}

export function startWorld(parent: HTMLElement): WorldHandle {
  const software = softwareGL();
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    fps: software ? { target: 30, limit: 30 } : { target: 60 },
    parent,
    backgroundColor: '#0b1620',
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 1280, height: parent.clientHeight || 800 },
    render: {
      antialias: true,
      antialiasGL: !software,
      powerPreference: 'high-performance',
      // One texture a batch: Phaser compiles a shader for each number of textures a batch binds,
      // and in software each compile took about 0.14 s of the page's thread (8 during one run).
      ...(software ? { maxTextures: 1 } : {}),
    },
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false, gamepad: false },
    scene: [PreloadScene, WorldScene, GaugesScene, CouncilScene],
  });
  const idle = idleLoop(game, parent, bridge);
  return {
    stats() {
      const scenes = game.scene.getScenes(true).map((s) => s.sys.settings.key);
      let objects = 0;
      let tweens = 0;
      for (const key of Object.values(SceneKey)) {
        const s = game.scene.getScene(key);
        if (!s?.sys?.displayList) continue;
        objects += s.sys.displayList.length;
        tweens += s.tweens?.getTweens().length ?? 0;
      }
      const world = game.scene.getScene(SceneKey.World) as WorldScene | null;
      return {
        scenes,
        objects,
        tweens,
        fps: Math.round(game.loop.actualFps),
        loop: idle.stats(),
        /** Each scene's Phaser status (see Phaser.Scenes: 5 is running). */
        status: Object.fromEntries(
          Object.values(SceneKey).map((key) => [key, game.scene.getScene(key)?.sys.getStatus() ?? -1]),
        ),
        map: world?.sys?.displayList ? world.describe() : null,
      };
    },
    destroy() {
      idle.stop();
      // Phaser destroys a game at its next frame: a sleeping loop has none.
      game.loop.wake();
      game.destroy(true);
    },
  };
}
