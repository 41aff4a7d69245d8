import { IncidentWriteQueue } from './incident-write-queue';

/** A write that records each batch and finishes only when the test says so. */
function controlledWrite() {
  const batches: string[][] = [];
  const finish: (() => void)[] = [];
  const write = (commands: string[]) =>
    new Promise<string[]>((resolve) => {
      batches.push(commands);
      finish.push(() => resolve(commands.map((c) => `done ${c}`)));
    });
  return { batches, finish, write };
}

/** Lets setImmediate and promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

/** Commands are "key:name"; the key is the part before the colon. */
const keyOf = (c: string) => c.split(':')[0];

describe('IncidentWriteQueue', () => {
  it('batches the groups queued in one turn, up to maxCommands, in order', async () => {
    const w = controlledWrite();
    const q = new IncidentWriteQueue(w.write, { maxCommands: 3, maxInFlight: 4 });
    const answers = [q.submit(['a']), q.submit(['b', 'c']), q.submit(['d'])];
    await settle();
    expect(w.batches).toEqual([['a', 'b', 'c'], ['d']]);
    w.finish.forEach((f) => f());
    expect(await Promise.all(answers)).toEqual([['done a'], ['done b', 'done c'], ['done d']]);
  });

  it('holds a group that shares a key with a batch under way until that batch has finished; other keys go ahead', async () => {
    const w = controlledWrite();
    const q = new IncidentWriteQueue(w.write, { maxCommands: 10, maxInFlight: 4, keyOf });
    const first = q.submit(['k:1']);
    await settle();
    expect(w.batches).toEqual([['k:1']]);
    const second = q.submit(['k:2']);
    const other = q.submit(['x:1']);
    await settle();
    // x goes in a batch of its own while k:2 waits for k:1.
    expect(w.batches).toEqual([['k:1'], ['x:1']]);
    w.finish[0]();
    expect(await first).toEqual(['done k:1']);
    await settle();
    expect(w.batches).toEqual([['k:1'], ['x:1'], ['k:2']]);
    w.finish[1]();
    w.finish[2]();
    expect(await Promise.all([second, other])).toEqual([['done k:2'], ['done x:1']]);
  });

  it("keeps each key's order: a group behind a held one with a common key waits too, even for its other keys", async () => {
    const w = controlledWrite();
    const q = new IncidentWriteQueue(w.write, { maxCommands: 10, maxInFlight: 4, keyOf });
    void q.submit(['k:1']);
    await settle();
    // k:2 is held (k is busy); its group also holds j, so j:1, queued after it, must not overtake it.
    void q.submit(['k:2', 'j:0']);
    void q.submit(['j:1']);
    void q.submit(['y:1']);
    await settle();
    expect(w.batches).toEqual([['k:1'], ['y:1']]);
    w.finish[0]();
    await settle();
    await settle();
    // Once k is free, both go, in their order, in one batch.
    expect(w.batches).toEqual([['k:1'], ['y:1'], ['k:2', 'j:0', 'j:1']]);
  });

  it('puts groups with the same key in one batch when neither is under way', async () => {
    const w = controlledWrite();
    const q = new IncidentWriteQueue(w.write, { maxCommands: 10, maxInFlight: 4, keyOf });
    void q.submit(['k:1']);
    void q.submit(['k:2']);
    await settle();
    expect(w.batches).toEqual([['k:1', 'k:2']]);
  });

  it('drained() waits for held groups as well', async () => {
    const w = controlledWrite();
    const q = new IncidentWriteQueue(w.write, { maxCommands: 10, maxInFlight: 4, keyOf });
    void q.submit(['k:1']);
    await settle();
    void q.submit(['k:2']);
    let drained = false;
    const done = q.drained().then(() => (drained = true));
    w.finish[0]();
    await settle();
    await settle();
    expect(drained).toBe(false);
    expect(w.batches).toEqual([['k:1'], ['k:2']]);
    w.finish[1]();
    await done;
    expect(drained).toBe(true);
  });
});
