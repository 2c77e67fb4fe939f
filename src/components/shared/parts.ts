import { clsx } from 'clsx';
import { flag } from './flag';

/**
 * What every rendered part carries: `data-jk` (marks the element as the kit's, so the stylesheet's
 * `[data-jk][data-slot=...]` selectors never match a host element that shares a slot name), its
 * `data-slot`, `data-unstyled`, and the host's class for it.
 */
export interface PartProps {
  'data-jk': '';
  'data-slot': string;
  'data-unstyled': '' | undefined;
  className: string | undefined;
}

/**
 * The attributes of a component's parts. A part's slot is `{prefix}-{part}` in kebab case
 * (`fieldDescription` gives `input-form-dialog-field-description`) unless `slots` names it (the root's
 * slot is often the bare component name); its class is the host's `classNames[part]` joined with
 * `className`.
 */
export function partGetter<P extends string>(
  prefix: string,
  slots: Partial<Record<P, string>>,
  classNames: Partial<Record<P, string>> | undefined,
  unstyled: boolean | undefined,
): (part: P, className?: string) => PartProps {
  const u = flag(unstyled);
  return (part, className) => ({
    'data-jk': '',
    'data-slot': slots[part] ?? `${prefix}-${part.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
    'data-unstyled': u,
    className: clsx(classNames?.[part], className) || undefined,
  });
}
