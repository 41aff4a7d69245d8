import type { DataSource } from 'typeorm';
import type { FakeClock } from '../support/fake-clock';

/** What a handoff message row says, for assertions. */
export interface SentHandoff {
  kind: string;
  channel: string;
  address: string;
  text: string;
  state: string;
  dueAt: string;
  sentAt: string | null;
}

export async function handoffMessages(dataSource: DataSource, kinds: string[] = ['oncall', 'offcall']): Promise<SentHandoff[]> {
  const rows: { kind: string; channel: string; address: string; text: string; state: string; due_at: Date; sent_at: Date | null }[] = await dataSource.query(
    `SELECT kind, channel, address, text, state, due_at, sent_at FROM handoff_messages WHERE kind = ANY($1::text[]) ORDER BY due_at, created_at, kind`,
    [kinds],
  );
  return rows.map((r) => ({
    kind: r.kind,
    channel: r.channel,
    address: r.address,
    text: r.text,
    state: r.state,
    dueAt: r.due_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  }));
}

/**
 * Moves the fake clock from one due handoff timer or message to the next up
 * to `until`, draining the worker at each: what a worker does over that span,
 * without sleeping.
 */
export async function travel(dataSource: DataSource, clock: FakeClock, drain: () => Promise<void>, until: Date): Promise<void> {
  await drain();
  for (let i = 0; i < 10_000; i++) {
    const [{ next }]: { next: Date | null }[] = await dataSource.query(
      `SELECT LEAST((SELECT min(due_at) FROM handoff_timers), (SELECT min(due_at) FROM handoff_messages WHERE state = 'pending')) AS next`,
    );
    if (!next || next.getTime() > until.getTime()) break;
    if (next.getTime() > clock.now().getTime()) clock.set(next);
    await drain();
  }
  clock.set(until);
  await drain();
}
