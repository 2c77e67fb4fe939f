import { type CSSProperties, type HTMLAttributes, useContext } from 'react';
import { JobsConfigContext } from '../../react/context';

/** The class of each part of a component, by part name (`data-slot` tells the part on the page). */
export type PartClassNames<P extends string> = Partial<Record<P, string>>;

/** Where dialogs, menus, tooltips and popovers mount: an element or a shadow root; the body when undefined or null. */
export type PortalContainer = Element | DocumentFragment | null;

/** The styling contract every exported component takes. */
export interface StylingProps<C extends object> {
  /** A class for the component's root part. */
  className?: string;
  /** Inline style for the component's root part. */
  style?: CSSProperties;
  /** A class for each part, including the parts of what it composes (its dialogs, menu, tooltip). */
  classNames?: C;
  /** Leaves every part, composed ones included, to the host's CSS (the kit's stylesheet skips them). */
  unstyled?: boolean;
}

/**
 * The HTML attributes of a component's root element (`id`, `data-*`, `aria-*`, handlers) that are not
 * the component's own props: whatever else a host passes lands on the root.
 */
export type RootAttributes<E extends Element, Own> = Omit<
  HTMLAttributes<E>,
  keyof Own | 'children' | 'dangerouslySetInnerHTML'
>;

/** One level of merging: keys of `own` replace those of `base`, and nested part maps merge the same way. */
export function mergeClassNames<C extends object>(base: object | undefined, own: C | undefined): C {
  if (base === undefined) return own ?? ({} as C);
  if (own === undefined) return base as C;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const before = merged[key];
    merged[key] =
      typeof value === 'object' && value !== null && typeof before === 'object' && before !== null
        ? mergeClassNames(before, value as object)
        : value;
  }
  return merged as C;
}

export interface Styling<C extends object> {
  classNames: C;
  unstyled: boolean | undefined;
  container: PortalContainer | undefined;
}

/**
 * A component's styling: the provider's defaults for it (`<JobsProvider unstyled classNames={{ [name]: ... }}>`),
 * overridden by its own props, part by part.
 */
export function useStyling<C extends object>(
  name: string,
  props: { classNames?: C | undefined; unstyled?: boolean | undefined; container?: PortalContainer | undefined },
): Styling<C> {
  const defaults = useContext(JobsConfigContext)?.defaults;
  const base = defaults?.classNames?.[name as keyof typeof defaults.classNames] as object | undefined;
  return {
    classNames: mergeClassNames(base, props.classNames),
    unstyled: props.unstyled ?? defaults?.unstyled,
    // null (a ref not attached yet) falls back like undefined: to the provider's container, else the body.
    container: props.container ?? defaults?.container ?? undefined,
  };
}

/**
 * A component's own prop names, as `{ name: true }` typed `OwnKeys<OwnProps>`: the type asks for every own
 * prop, so one added to the props and not listed here fails to compile instead of leaking onto the root.
 */
export type OwnKeys<Own> = { readonly [K in keyof Required<Own>]: true };

/** `props` without the component's own keys: the attributes left for its root element. */
export function restOf<P extends object, K extends keyof P>(props: P, own: { readonly [key in K]: true }): Omit<P, K> {
  const rest: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const key of Object.keys(own)) delete rest[key];
  return rest as Omit<P, K>;
}

type Handlers = Record<string, ((event: never) => void) | undefined>;

/**
 * The kit's own handlers for a root element, each run after the host's handler of the same name (from the
 * root attributes the host passed), so that neither replaces the other.
 */
export function chainHandlers<K extends Handlers>(host: object, own: K): K {
  const chained: Record<string, unknown> = { ...own };
  for (const [name, kit] of Object.entries(own)) {
    const theirs = (host as Handlers)[name];
    if (typeof theirs !== 'function' || typeof kit !== 'function') continue;
    chained[name] = (event: never) => {
      theirs(event);
      kit(event);
    };
  }
  return chained as K;
}

/** A part getter whose parts all carry `data-state` (a dialog's `open` / `closed` on its title too). */
export function withState<A extends unknown[], R extends object>(
  getter: (...args: A) => R,
  state: string,
): (...args: A) => R & { 'data-state': string } {
  return (...args) => ({ ...getter(...args), 'data-state': state });
}
