/**
 * Where focus goes when a region defers a job's controls to another region: the panel that holds them.
 * The regions commit in tree order, so the panel may register before or after the region that sends
 * focus to it; a request made first waits for it. Kept per provider, keyed by its overlay registry.
 */
interface Panels {
  elements: Map<string, HTMLElement>;
  waiting: Set<string>;
  /** Where focus was before it was sent to a panel, by job: the panel gives it back there. */
  from: Map<string, HTMLElement>;
}

const scopes = new WeakMap<object, Panels>();

function panelsOf(scope: object): Panels {
  let panels = scopes.get(scope);
  if (panels === undefined) {
    panels = { elements: new Map(), waiting: new Set(), from: new Map() };
    scopes.set(scope, panels);
  }
  return panels;
}

/** The panel showing `jobId`'s controls is on screen; returns its removal. */
export function registerPanel(scope: object, jobId: string, element: HTMLElement): () => void {
  const panels = panelsOf(scope);
  panels.elements.set(jobId, element);
  if (panels.waiting.delete(jobId)) element.focus();
  return () => {
    if (panels.elements.get(jobId) === element) panels.elements.delete(jobId);
  };
}

/** Moves focus from `from` to the panel of `jobId`, now or as soon as it registers. */
export function focusPanel(scope: object, jobId: string, from: HTMLElement): void {
  const panels = panelsOf(scope);
  panels.from.set(jobId, from);
  const element = panels.elements.get(jobId);
  if (element === undefined) panels.waiting.add(jobId);
  else element.focus();
}

/** Where focus came from before it was sent to the panel of `jobId`, once. */
export function takeFocusOrigin(scope: object, jobId: string): HTMLElement | undefined {
  const panels = scopes.get(scope);
  const from = panels?.from.get(jobId);
  panels?.from.delete(jobId);
  return from;
}

/** The region that sent focus was freed: it gives focus back itself. */
export function forgetFocus(scope: object, jobId: string): void {
  scopes.get(scope)?.waiting.delete(jobId);
  scopes.get(scope)?.from.delete(jobId);
}
