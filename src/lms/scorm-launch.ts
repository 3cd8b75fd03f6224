/**
 * The game launched from an LMS as a SCORM package (`npm run build:scorm`; loaded by src/main.ts
 * only in that build). Finds the LMS's API, starts the session, reads back the run the student
 * left, and gives the app its hooks: the saved run kept in the LMS (scorm-saves.ts) and the screen
 * to open (the run where it was left, else the seat a teacher pinned). When the page goes away the
 * session's time is reported and the session ended, suspended while a run is kept so the next
 * launch resumes it. Without an API (the package opened outside an LMS) the game plays as the
 * plain site.
 */
import { loaders } from 'virtual:article-four/cases';
import type { Scenario } from '../engine/schema';
import type { AppHooks } from '../ui/app-hooks';
import { findScormApi } from './find-api';
import { LMS_META, launchRoute, readLaunchConfig } from './launch-config';
import { ScormSaves } from './scorm-saves';
import { ScormSession } from './scorm-session';

async function loadCase(id: string): Promise<Scenario | undefined> {
  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  if (!load) return undefined;
  try {
    return (await load()).default.scenario;
  } catch (e) {
    console.error(e);
    return undefined;
  }
}

export async function connectScorm(win: Window = window): Promise<AppHooks | undefined> {
  const config = readLaunchConfig(document.querySelector(`meta[name="${LMS_META}"]`)?.getAttribute('content'));
  const found = findScormApi(win, config.scorm);
  const session = found && ScormSession.open(found);
  if (!session) return undefined;
  session.begin();
  const saves = await ScormSaves.open(session, loadCase);
  session.commit();
  const leave = () => session.finish(saves.hasRun);
  win.addEventListener('pagehide', leave);
  win.addEventListener('beforeunload', leave);
  // A tab put away may never come back (a phone closing it): what is there is committed.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && session.isOpen) session.commit();
  });
  const hash = win.location.hash;
  return {
    deps: (base) => saves.deps(base),
    launch: (initial, saved) => launchRoute(config.pin, initial, saved, hash.startsWith('#/') && hash !== '#/'),
  };
}
