import { Fragment, type ReactNode, useSyncExternalStore } from 'react';

const nothing: readonly ReactNode[] = [];

/**
 * What one provider keeps for the kit's components, made on first use by the component that needs it (the
 * live regions, the overlays' registry, the hidden-tab notifier, the strings), so that a host rendering none
 * of them pays nothing for them, in bytes or at run time. One per provider (never shared between providers);
 * what a slot started is stopped with the provider (`dispose`).
 */
export class ProviderSlots {
  private readonly values = new Map<symbol, unknown>();
  private readonly stops = new Map<symbol, () => void>();
  private readonly parts = new Map<symbol, ReactNode>();
  private rendered: readonly ReactNode[] = nothing;
  private readonly listeners = new Set<() => void>();

  /** The value of `key`, made by `create` the first time it is asked for. */
  get<T>(key: symbol, create: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = create();
    this.values.set(key, value);
    return value;
  }

  /** Runs `start` once until the provider goes (or stops and mounts again); what it returns stops it. */
  start(key: symbol, start: () => () => void): void {
    if (this.stops.has(key)) return;
    this.stops.set(key, start());
  }

  /** Renders `node` inside the provider's root, once per key (call it from an effect: never on the server). */
  render(key: symbol, node: ReactNode): void {
    if (this.parts.has(key)) return;
    this.parts.set(key, node);
    this.rendered = [...this.parts.values()];
    for (const listener of [...this.listeners]) listener();
  }

  /** The provider goes: whatever was started stops (a component mounting again starts it again). */
  dispose(): void {
    const stops = [...this.stops.values()];
    this.stops.clear();
    for (const stop of stops) stop();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  nodes = (): readonly ReactNode[] => this.rendered;
}

const none = (): readonly ReactNode[] => nothing;

/** Where the provider renders what its slots asked for (the live regions): nothing until a component asks. */
export function SlotOutlet({ slots }: { slots: ProviderSlots }): ReactNode {
  const nodes = useSyncExternalStore(slots.subscribe, slots.nodes, none);
  // biome-ignore lint/suspicious/noArrayIndexKey: parts are only ever appended
  return nodes.map((node, index) => <Fragment key={index}>{node}</Fragment>);
}
