/**
 * Natural batching of concurrent writes into shared statements: an item joins
 * the queue, and the queue is written as one statement at the end of the
 * current event-loop turn, or as soon as one of the `maxInFlight` statements
 * under way finishes. An idle server therefore writes each item at once (a
 * batch of one), and a busy one writes as many items per statement (one round
 * trip, one commit, one WAL flush) as arrived while the previous statement
 * ran. Each caller gets its own result only after the statement that holds
 * its item has committed.
 *
 * If a batch fails, its items are written one by one, so one bad item fails
 * alone and its neighbours are still written.
 */
export class StatementBatcher<Item, Result> {
  private queue: { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];

  constructor(
    /** Writes the items in one statement; returns one result per item, in order. */
    private readonly write: (items: Item[]) => Promise<Result[]>,
    private readonly options: {
      maxBatch: number;
      maxInFlight: number;
      onBatch?: (size: number) => void;
      onBatchFailed?: (err: unknown, size: number) => void;
    },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
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
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
        if (!this.queue.length && !this.inFlight) for (const done of this.idle.splice(0)) done();
      });
    }
  }

  private async run(batch: StatementBatcher<Item, Result>['queue']): Promise<void> {
    this.options.onBatch?.(batch.length);
    try {
      const results = await this.write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      this.options.onBatchFailed?.(err, batch.length);
      await Promise.all(batch.map((p) => this.run([p])));
    }
  }
}
