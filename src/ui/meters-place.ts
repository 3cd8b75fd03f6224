/**
 * Where the HTML meters go while the map is off or not drawn yet. They sit beside the panel, at the
 * foot of the screen, and grow upwards. With many meters, large text and a short screen they would
 * rise under the top bar: class mode with Larger text at 1366×768 drew 7 meters in one column
 * 714 px tall, the first hidden under the bar. Then html.meters-in-panel puts them in the panel's
 * flow, after the step, as on a phone (styles.css), where the panel's own scroll reaches them.
 */
const METERS_IN_PANEL = 'meters-in-panel';

/** Measures where the meters beside the panel would start, and sets or clears METERS_IN_PANEL on `root`. */
export function placeMeters(root: HTMLElement, main: HTMLElement, topBarBottom: number): void {
  // Measured where they would be beside the panel: the class off for the measure (a forced layout,
  // only while they are in the panel).
  if (root.classList.contains(METERS_IN_PANEL)) root.classList.remove(METERS_IN_PANEL);
  const meters = main.querySelector<HTMLElement>('.meters');
  if (!meters) return;
  const beside = getComputedStyle(meters).position === 'fixed';
  const inPanel = beside && meters.getBoundingClientRect().top < topBarBottom;
  if (inPanel) root.classList.add(METERS_IN_PANEL);
}
