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
 */
export class IncidentWriteQueue<Command, Result> {
  private queue: Pending<Command, Result>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];

  constructor(
    /** Writes the commands in one transaction; returns one result per command, in order. */
    private readonly write: (commands: Command[]) => Promise<Result[]>,
    private readonly options: {
      maxCommands: number;
      maxInFlight: number;
      onBatch?: (commands: number) => void;
      onBatchFailed?: (err: unknown, commands: number) => void;
    },
  ) {}

  submit(commands: Command[]): Promise<Result[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ commands, resolve, reject });
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
      let size = 0;
      let take = 0;
      while (take < this.queue.length && (take === 0 || size + this.queue[take].commands.length <= this.options.maxCommands)) {
        size += this.queue[take++].commands.length;
      }
      const batch = this.queue.splice(0, take);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
        if (!this.queue.length && !this.inFlight) for (const done of this.idle.splice(0)) done();
      });
    }
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
  resolve: (results: Result[]) => void;
  reject: (err: unknown) => void;
}
