import { act, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEXT_PACE_MS, usePacedText } from '../../src/components/shared';

beforeEach(() => {
  vi.useFakeTimers();
  // The middle of a beat: the next one starts 125 ms from now.
  vi.setSystemTime(TEXT_PACE_MS * 1000 + TEXT_PACE_MS / 2);
});
afterEach(() => {
  vi.useRealTimers();
});

function Texts({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((value, i) => (
        <Text key={String(i)} value={value} />
      ))}
    </>
  );
}
function Text({ value }: { value: string }) {
  return <p>{usePacedText(value)}</p>;
}
const shown = () => screen.getAllByRole('paragraph').map((p) => p.textContent);

describe('usePacedText', () => {
  it('shows the first change of a beat at once, and the newest of the later ones in the next beat', () => {
    const { result, rerender } = renderHook(({ value }) => usePacedText(value), { initialProps: { value: 'Step 1' } });
    expect(result.current).toBe('Step 1');
    rerender({ value: 'Step 2' });
    expect(result.current).toBe('Step 2');
    act(() => vi.advanceTimersByTime(50));
    rerender({ value: 'Step 3' });
    rerender({ value: 'Step 4' });
    expect(result.current).toBe('Step 2');
    act(() => vi.advanceTimersByTime(74));
    expect(result.current).toBe('Step 2');
    // Rendered again in the next beat (its job ticked): the newest value, and nothing waits any more.
    act(() => vi.advanceTimersByTime(2));
    rerender({ value: 'Step 4' });
    expect(result.current).toBe('Step 4');
    expect(vi.getTimerCount()).toBe(0);
    // That beat has had its change: the next one waits, and shows by half a beat into the next at the latest.
    rerender({ value: 'Step 5' });
    expect(result.current).toBe('Step 4');
    act(() => vi.advanceTimersByTime(TEXT_PACE_MS));
    expect(result.current).toBe('Step 4');
    act(() => vi.advanceTimersByTime(TEXT_PACE_MS / 2));
    expect(result.current).toBe('Step 5');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('changes every waiting text in the same task, with one timer for all', () => {
    const { rerender } = render(<Texts values={['a1', 'b1', 'c1']} />);
    rerender(<Texts values={['a2', 'b2', 'c2']} />);
    act(() => vi.advanceTimersByTime(10));
    rerender(<Texts values={['a3', 'b3', 'c2']} />);
    expect(shown()).toEqual(['a2', 'b2', 'c2']);
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersToNextTimer());
    expect(shown()).toEqual(['a3', 'b3', 'c2']);
  });

  it('leaves no timer once the text waiting for a beat unmounts', () => {
    const { rerender, unmount } = render(<Texts values={['a1']} />);
    rerender(<Texts values={['a2']} />);
    rerender(<Texts values={['a3']} />);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops waiting when the text goes back to what it shows', () => {
    const { result, rerender } = renderHook(({ value }) => usePacedText(value), { initialProps: { value: 'x' } });
    rerender({ value: 'y' });
    rerender({ value: 'z' });
    expect(vi.getTimerCount()).toBe(1);
    rerender({ value: 'y' });
    expect(result.current).toBe('y');
    expect(vi.getTimerCount()).toBe(0);
  });
});
