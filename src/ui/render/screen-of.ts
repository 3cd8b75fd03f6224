/** Which screen a snapshot of the app flow shows: the `data-screen` of #app, and the builder to use. */
import { ScreenId } from '../keys';
import type { AppSnapshot } from './shell';

/** The screen a flow state shows (the `data-screen` of #app). */
export function screenOf(s: AppSnapshot): ScreenId {
  if (s.matches({ briefing: 'confirming' }) || s.matches({ run: { debrief: 'confirming' } })) return ScreenId.Confirm;
  if (s.matches({ run: 'settings' })) return ScreenId.Settings;
  if (s.matches({ run: 'glossary' })) return ScreenId.Glossary;
  if (s.matches({ run: 'ending' })) return ScreenId.Ending;
  if (s.matches({ run: 'debrief' })) return ScreenId.Debrief;
  if (s.matches('run')) return ScreenId.Play;
  const byState: Record<string, ScreenId> = {
    cases: ScreenId.Cases,
    credits: ScreenId.Credits,
    settings: ScreenId.Settings,
    timeline: ScreenId.Timeline,
    seats: ScreenId.Seats,
    briefing: ScreenId.Briefing,
    guide: ScreenId.TeacherGuide,
    teams: ScreenId.CouncilTeams,
    roleSheets: ScreenId.RoleSheets,
    glossary: ScreenId.Glossary,
    scenarioErrors: ScreenId.ScenarioErrors,
    error: ScreenId.Error,
  };
  const top = typeof s.value === 'string' ? s.value : Object.keys(s.value)[0];
  return byState[top ?? ''] ?? ScreenId.Title;
}
