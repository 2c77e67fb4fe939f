const STOPS =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const isRadio = (element: Element): element is HTMLInputElement =>
  element instanceof HTMLInputElement && element.type === 'radio' && element.name !== '';

/** What Tab reaches in `root`, in order: a radio group is one stop, at its checked radio when it has one. */
export function tabStops(root: Element): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>(STOPS)].filter(
    (element) => element.closest('[hidden], [inert]') === null,
  );
  // Each group's stop: its checked radio, else its first.
  const groupStop = new Map<string, HTMLInputElement>();
  for (const element of candidates) {
    if (!isRadio(element)) continue;
    const stop = groupStop.get(element.name);
    if (stop === undefined || (element.checked && !stop.checked)) groupStop.set(element.name, element);
  }
  return candidates.filter((element) => !isRadio(element) || groupStop.get(element.name) === element);
}
