/** Lets timers, I/O and other requests run before long work goes on (one turn of the event loop). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
