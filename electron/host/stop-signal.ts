/**
 * Resolves on the first SIGINT or SIGTERM, and keeps listening afterwards so that the same Ctrl-C seen
 * twice (the terminal signals the whole process group: `npm start`'s launcher, which passes it on, and
 * this process) cannot kill the host halfway through closing its database, nor between closing it and
 * exiting. Repeats are ignored; the host keeps the listeners until it exits (`done` removes them, for a
 * caller that goes on running).
 */
export function firstStopSignal(proc: NodeJS.Process = process): { signalled: Promise<NodeJS.Signals>; done: () => void } {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<NodeJS.Signals>((r) => (resolve = r));
  const listener = (signal: NodeJS.Signals) => resolve(signal);
  for (const signal of signals) proc.on(signal, listener);
  return { signalled, done: () => signals.forEach((signal) => proc.off(signal, listener)) };
}
