/**
 * Times in the forms the two SCORM versions take: a session's length (1.2 `HHHH:MM:SS.SS`,
 * 2004 an ISO 8601 duration `PT1H2M3.45S`) and a moment (1.2 `HH:MM:SS`, 2004
 * `YYYY-MM-DDThh:mm:ss`). Local time without a zone: the strictest LMS patterns (Moodle's) take
 * these forms and no other. Pure.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Hundredths of a second, never negative. */
function centiseconds(ms: number): number {
  return Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
}

/** SCORM 1.2 CMITimespan: `HH:MM:SS.SS`, hours on two to four digits (at most 9999). */
export function scorm12Timespan(ms: number): string {
  const cs = Math.min(centiseconds(ms), 9999 * 360_000 + 359_999);
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(cs % 100)}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration): `PT1H2M3.45S`, `PT0S` for nothing. */
export function iso8601Duration(ms: number): string {
  const cs = centiseconds(ms);
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const secs = (cs % 6000) / 100;
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${secs > 0 ? `${secs}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/** SCORM 1.2 CMITime: the local time of day, `HH:MM:SS`. */
export function scorm12Time(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** SCORM 2004 time (second) type: local date and time, `YYYY-MM-DDThh:mm:ss`. */
export function scorm2004Time(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${scorm12Time(d)}`;
}
