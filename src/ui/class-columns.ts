/**
 * Whether class mode lays a decision out in two columns, the narrative beside the room's controls
 * (projector.css; else one column, the room's bar at the foot of the screen). Two columns need a
 * panel 40em wide in the page's own type, so the text size counts as much as the screen: the panel
 * of a 1200-pixel screen is 40em at normal size, while at 1366×768 with Larger text it is 29em, and
 * two columns there were a dozen letters wide ("consulta" above "tions"). Pure: the app measures.
 */
export const CLASS_COLUMNS_EM = 40;

export function classColumns(panelWidth: number, remPx: number): boolean {
  // Half a pixel of slack: at 1200 pixels the panel is exactly 800 (40em of 20 pixels).
  return remPx > 0 && panelWidth + 0.5 >= CLASS_COLUMNS_EM * remPx;
}
