/** Warns in development builds only; bundlers drop the call from production builds. */
export function devWarn(message: string, ...details: unknown[]): void {
  if (process.env.NODE_ENV !== 'production') console.warn(`[jobkit] ${message}`, ...details);
}
