import type { Action } from './action';
import { ACTION_CONSTRAINT_TYPES } from './action-state';

const modes = ['foreground', 'background', 'toolbarBlocking'];

/**
 * What is wrong with an action config, in words a developer can act on. Never throws, whatever it is
 * given: configs come from servers. The input form is checked by `checkInputForm`.
 */
export function checkAction(action: unknown): string[] {
  if (typeof action !== 'object' || action === null) return ['the action is not an object'];
  const a = action as Partial<Record<keyof Action, unknown>>;
  const problems: string[] = [];
  const name =
    typeof a.label === 'string' && a.label !== ''
      ? `"${a.label}"`
      : `with operation "${String(a.operation ?? a.slug ?? '?')}"`;
  if (typeof a.label !== 'string') problems.push(`action ${name} has no label`);
  if (a.label === '' && (a.icon === undefined || a.icon === 'none')) {
    problems.push(`action ${name} has an empty label and no icon: nothing to show`);
  }
  if (typeof a.operation !== 'string' && typeof a.slug !== 'string') problems.push(`action ${name} has no operation`);
  if (a.mode !== undefined && !modes.includes(a.mode as string)) {
    problems.push(`action ${name} has an unknown mode "${String(a.mode)}"; it runs as "background"`);
  }
  if (Array.isArray(a.constraints)) {
    for (const constraint of a.constraints) {
      const type = (constraint as { type?: unknown } | null)?.type;
      if (!ACTION_CONSTRAINT_TYPES.includes(type as never)) {
        problems.push(`action ${name} has an unknown constraint "${String(type)}"; it is ignored`);
      }
    }
  }
  return problems;
}
