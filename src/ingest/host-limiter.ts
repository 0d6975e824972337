/** Runs tasks with at most one in flight per host and a small global concurrency. */
export interface HostLimiter {
  /** Runs `fn` when its host is idle and a global slot is free; settles like `fn`. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Tasks running now (for logs and tests). */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly queued: number;
}

interface Waiting {
  host: string;
  start: () => void;
}

/**
 * Creates a limiter: tasks for the same host run one at a time in arrival order, at least `minGapMs` apart
 * (politeness towards one publisher), and at most `globalConcurrency` run overall; a busy or resting host never
 * blocks tasks for other hosts.
 */
export function createHostLimiter(globalConcurrency = 4, minGapMs = 0): HostLimiter {
  const limit = Math.max(1, Math.floor(globalConcurrency));
  const gap = Math.max(0, minGapMs);
  const busy = new Set<string>();
  const queue: Waiting[] = [];
  let active = 0;

  const pump = () => {
    for (let i = 0; i < queue.length && active < limit; ) {
      const task = queue[i]!;
      if (busy.has(task.host)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      busy.add(task.host);
      active++;
      task.start();
    }
  };

  return {
    run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const key = host.trim().toLowerCase();
      return new Promise<T>((resolve, reject) => {
        queue.push({
          host: key,
          start: () => {
            // The slot is freed before the caller resumes, so the next task is already scheduled.
            const release = () => {
              active--;
              if (gap === 0) busy.delete(key);
              else
                setTimeout(() => {
                  busy.delete(key);
                  pump();
                }, gap);
              pump();
            };
            Promise.resolve()
              .then(fn)
              .then(
                (value) => {
                  release();
                  resolve(value);
                },
                (err: unknown) => {
                  release();
                  reject(err);
                },
              );
          },
        });
        pump();
      });
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
}
