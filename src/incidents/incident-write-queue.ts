/**
 * Natural batching of concurrent callers: a caller's group of commands joins
 * the queue, and the queue is written as one batch at the end of the current
 * event-loop turn, or as soon as one of the `maxInFlight` batches under way
 * finishes. An idle server writes each group at once (a batch of one); a busy
 * one writes together everything that arrived while the previous batch ran.
 * A group is never split between batches (the events of one request commit
 * together). Each caller is answered only after the batch holding its group
 * has committed. If a batch fails, each group is written in a batch of its
 * own, so one bad group fails alone.
 *
 * With `keyOf` (the row a command writes), a group that shares a key with
 * a batch under way waits in the queue until that batch has finished, and
 * groups queued after it with one of its keys wait behind it: two batches of
 * one process never write the same row at once (the second would only wait
 * for the first's row locks in the database, holding a connection and its
 * other rows meanwhile), and the order of each key's groups is kept. Groups
 * with other keys go ahead.
 */
export class IncidentWriteQueue<Command, Result> {
  private queue: Pending<Command, Result>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  /** The keys of the batches under way. */
  private readonly busy = new Set<string>();

  constructor(
    /** Writes the commands in one transaction; returns one result per command, in order. */
    private readonly write: (commands: Command[]) => Promise<Result[]>,
    private readonly options: {
      maxCommands: number;
      maxInFlight: number;
      /** The key of the row a command writes; groups sharing one with a batch under way wait for it. */
      keyOf?: (command: Command) => string;
      onBatch?: (commands: number) => void;
      onBatchFailed?: (err: unknown, commands: number) => void;
    },
  ) {}

  submit(commands: Command[]): Promise<Result[]> {
    return new Promise((resolve, reject) => {
      const keys = this.options.keyOf ? commands.map(this.options.keyOf) : [];
      this.queue.push({ commands, keys, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Writes what is queued and resolves once nothing is queued or under way (at shutdown, before the pool closes). */
  drained(): Promise<void> {
    this.pump();
    if (!this.queue.length && !this.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length) {
      const batch = this.nextBatch();
      // Everything queued waits for a batch under way.
      if (!batch.length) return;
      const keys = batch.flatMap((p) => p.keys);
      for (const key of keys) this.busy.add(key);
      this.inFlight++;
      void this.run(batch).finally(() => {
        for (const key of keys) this.busy.delete(key);
        this.inFlight--;
        this.pump();
        if (!this.queue.length && !this.inFlight) for (const done of this.idle.splice(0)) done();
      });
    }
  }

  /** Takes the next batch off the queue: groups in order, up to `maxCommands`, passing over those whose keys must wait. */
  private nextBatch(): Pending<Command, Result>[] {
    const taken: Pending<Command, Result>[] = [];
    const waiting = new Set<string>();
    let size = 0;
    let full = false;
    this.queue = this.queue.filter((p) => {
      if (full) return true;
      if (p.keys.some((key) => this.busy.has(key) || waiting.has(key))) {
        for (const key of p.keys) waiting.add(key);
        return true;
      }
      if (taken.length && size + p.commands.length > this.options.maxCommands) {
        full = true;
        return true;
      }
      taken.push(p);
      size += p.commands.length;
      return false;
    });
    return taken;
  }

  private async run(batch: Pending<Command, Result>[]): Promise<void> {
    const commands = batch.flatMap((p) => p.commands);
    this.options.onBatch?.(commands.length);
    try {
      const results = await this.write(commands);
      let at = 0;
      for (const p of batch) {
        p.resolve(results.slice(at, at + p.commands.length));
        at += p.commands.length;
      }
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      this.options.onBatchFailed?.(err, commands.length);
      await Promise.all(batch.map((p) => this.run([p])));
    }
  }
}

interface Pending<Command, Result> {
  commands: Command[];
  keys: readonly string[];
  resolve: (results: Result[]) => void;
  reject: (err: unknown) => void;
}
