/**
 * SIGINT and SIGTERM as an AbortSignal for the runner (DESIGN §4 "Interrupt"): the first signal stops the running
 * tasks and lets the run write its state; the handlers are removed when the work ends.
 */
export async function interruptible<T>(
  work: (signal: AbortSignal) => Promise<T>,
  onSignal: (signal: NodeJS.Signals) => void = () => {},
): Promise<T> {
  const interrupt = new AbortController();
  const handler = (signal: NodeJS.Signals): void => {
    if (interrupt.signal.aborted) return;
    onSignal(signal);
    interrupt.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  try {
    return await work(interrupt.signal);
  } finally {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  }
}
