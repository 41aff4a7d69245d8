import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How long a rendering may hold the event loop before it lets other work (an
 * alert on /v2/enqueue, say) run. Renderings proceed a day at a time, and a
 * day of the densest accepted schedule takes a few milliseconds.
 */
const SLICE_MS = 5;

/**
 * Every paused rendering waits in one line: each loop turn resumes at most one
 * of them, so twenty concurrent feeds cost the loop one slice per turn, not
 * twenty. (A turn of the loop runs every immediate queued before it began.)
 */
let line: Promise<void> = Promise.resolve();

function nextSlice(): Promise<void> {
  const turn = line.then(() => nextTurn());
  line = turn;
  return turn;
}

/** Iterates `chunks`, giving the event loop a turn whenever SLICE_MS of work has passed since the last one. */
export async function* cooperatively<T>(chunks: Iterable<T>, sliceMs = SLICE_MS): AsyncGenerator<T> {
  let sliceStart = performance.now();
  for (const chunk of chunks) {
    yield chunk;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextSlice();
      sliceStart = performance.now();
    }
  }
}

/** Runs a search that pauses between steps (a generator that returns its answer) to its end, cooperatively. */
export async function completeCooperatively<T>(steps: Generator<unknown, T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextSlice();
      sliceStart = performance.now();
    }
  }
}
