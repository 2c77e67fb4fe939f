// The frame and long-task monitor every timed window of the bench pages uses.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface MonitorResult {
  frames: number;
  p95: number;
  maxGap: number;
  longTasks: number;
  longTaskMs: number;
}

/** Frame gaps (rAF) and long tasks from now until the returned stop is called. */
export function monitor(): () => Promise<MonitorResult> {
  const gaps: number[] = [];
  let last = 0;
  let running = true;
  const loop = (t: number) => {
    if (last) gaps.push(t - last);
    last = t;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return async () => {
    await sleep(100); // let the last long-task entries arrive
    running = false;
    observer.disconnect();
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
    return {
      frames: gaps.length,
      p95,
      maxGap: sorted[sorted.length - 1] ?? 0,
      longTasks: longTasks.length,
      longTaskMs: longTasks.reduce((a, b) => a + b, 0),
    };
  };
}
