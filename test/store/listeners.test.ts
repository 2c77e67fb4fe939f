// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Listeners } from '../../src/store/listeners';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Listeners', () => {
  it('tells the listeners there were when telling began, in the order they came, one or many', () => {
    const listeners = new Listeners<number>();
    const heard: string[] = [];
    listeners.tell(0);
    const offLate = { current: () => {} };
    const offFirst = listeners.add((n) => {
      heard.push(`first ${n}`);
      // Added while being told: heard from the next value on.
      offLate.current = listeners.add((m) => heard.push(`late ${m}`));
    });
    listeners.tell(1);
    expect(heard).toEqual(['first 1']);
    offFirst();
    listeners.tell(2);
    expect(heard).toEqual(['first 1', 'late 2']);
    offLate.current();
    expect(listeners.size).toBe(0);
  });

  it('reports a listener that throws and still tells the others', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const listeners = new Listeners<string>();
    const heard: string[] = [];
    listeners.add(() => {
      throw new Error('boom');
    });
    listeners.tell('alone');
    expect(error).toHaveBeenCalledTimes(1);
    listeners.add((value) => heard.push(value));
    listeners.tell('two');
    expect(heard).toEqual(['two']);
    expect(error).toHaveBeenCalledTimes(2);
  });
});
