import { readFileSync } from 'node:fs';

const TICK_MS = 5;

/** ms this process's main thread has waited on a run queue for a core (Linux /proc/<pid>/task/<pid>/schedstat, ns). */
function runQueueWaitMs(): number {
  const [, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(' ');
  return Number(waited) / 1e6;
}

/**
 * How long this process held its own event loop, apart from the host. A timer
 * ticks every 5 ms; when a tick comes late, the wall-clock gap is what a
 * client saw, and the part of it the main thread spent waiting for a core
 * (runnable, but the host ran other work: other test files, PostgreSQL) is
 * the host's, not the process's. What is left, the gap less that wait, is the
 * time the loop was held by the process itself: its own work, the collector,
 * anything it blocked on. A request that holds the loop for 300 ms leaves a
 * 300 ms gap however busy the host; a busy host's gaps shrink to a few ms.
 * Linux only (schedstat).
 */
export class LoopStalls {
  /** The longest gap between ticks, ms of wall clock. */
  worstWallMs = 0;
  /** The longest gap between ticks less the main thread's wait for a core in it, ms. */
  worstHeldMs = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastWall = 0;
  private lastWait = 0;

  start(): void {
    this.lastWall = performance.now();
    this.lastWait = runQueueWaitMs();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops ticking; returns the figures of the window since start. */
  stop(): { worstWallMs: number; worstHeldMs: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.tick();
    return { worstWallMs: this.worstWallMs, worstHeldMs: this.worstHeldMs };
  }

  private tick(): void {
    const wall = performance.now();
    const wait = runQueueWaitMs();
    const gap = wall - this.lastWall;
    this.worstWallMs = Math.max(this.worstWallMs, gap);
    this.worstHeldMs = Math.max(this.worstHeldMs, gap - (wait - this.lastWait));
    this.lastWall = wall;
    this.lastWait = wait;
  }
}
