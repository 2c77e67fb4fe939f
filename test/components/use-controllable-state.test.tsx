import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useControllableState } from '../../src/components/shared';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useControllableState', () => {
  it('takes functional updates, each seeing the one before it in the same event', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState<number>(undefined, 1, onChange));
    act(() => {
      result.current[1]((n) => n + 1);
      result.current[1]((n) => n * 10);
    });
    expect(result.current[0]).toBe(20);
    expect(onChange.mock.calls).toEqual([[2], [20]]);
  });

  it('reports only real changes', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState(undefined, false, onChange));
    act(() => result.current[1]((open) => open));
    act(() => result.current[1](false));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('shows the controlled value, asks for changes and keeps showing what it is told', () => {
    const onChange = vi.fn();
    const { result, rerender } = renderHook(({ value }) => useControllableState(value, false, onChange, 'Test open'), {
      initialProps: { value: false as boolean | undefined },
    });
    act(() => result.current[1]((open) => !open));
    expect(onChange).toHaveBeenCalledWith(true);
    expect(result.current[0]).toBe(false);
    rerender({ value: true });
    expect(result.current[0]).toBe(true);
  });

  it('warns in development when a component switches between controlled and uncontrolled, naming the prop', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { rerender } = renderHook(({ value }) => useControllableState(value, false, undefined, 'ActionMenu open'), {
      initialProps: { value: undefined as boolean | undefined },
    });
    expect(warn).not.toHaveBeenCalled();
    rerender({ value: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/ActionMenu open is changing from uncontrolled to controlled/);
    rerender({ value: undefined });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]?.[0]).toMatch(/from controlled to uncontrolled/);
  });
});
