import { api, Schemas } from '../api/client';
import { loadDirectory } from '../directory';
import { formatTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { Loading, Page } from '../ui';
import { useLoad } from '../use-load';

type Shifts = Schemas['ShiftsResponse'];
type OnCallItem = Schemas['PoliciesOnCallItemResponse'];

/** Who is on call now on every schedule and every policy level, until when, who is next; my next shifts. */
export default function OnCall() {
  const session = useSession();
  const me = session.user?.id;
  const { data, error } = useLoad(async () => {
    const dir = await loadDirectory();
    const until = new Date(Date.now() + 28 * 86_400_000).toISOString();
    const [shifts, oncall] = await Promise.all([
      Promise.all(dir.schedules.map((s) => api.get<Shifts>(`/api/v1/schedules/${s.id}/shifts?until=${encodeURIComponent(until)}`))),
      api.get<{ items: OnCallItem[] }>('/api/v1/oncall'),
    ]);
    return { dir, shifts, oncall: oncall.items };
  }, []);
  if (!data) return <Loading error={error} />;
  const { dir, shifts, oncall } = data;
  const mine = me
    ? dir.schedules.flatMap((s, k) => shifts[k].shifts.filter((x) => x.userId === me).map((x) => ({ schedule: s, shift: x }))).sort((a, b) => a.shift.start.localeCompare(b.shift.start))
    : [];
  return (
    <Page title="On call now">
      {me && (
        <section aria-labelledby="mine">
          <h2 id="mine">My next shifts</h2>
          {mine.length === 0 ? (
            <p className="muted">None in the next 4 weeks.</p>
          ) : (
            <ul className="plain">
              {mine.slice(0, 10).map(({ schedule, shift }) => (
                <li key={schedule.id + shift.start}>
                  <Link href={`/schedules/${schedule.id}`}>{schedule.name}</Link>: {formatTime(shift.start)} – {formatTime(shift.end)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="schedules">
        <h2 id="schedules">Schedules</h2>
        <ul className="list">
          {dir.schedules.map((s, k) => {
            const [now, next] = shifts[k].shifts;
            return (
              <li key={s.id}>
                <Link href={`/schedules/${s.id}`} className="incident-title">
                  {s.name}
                </Link>
                <p className="small-text">
                  Now: <strong>{now?.userName ?? 'nobody'}</strong>
                  {now && ` until ${formatTime(now.end)}`}
                </p>
                <p className="small-text muted">Next: {next ? `${next.userName ?? 'nobody'} from ${formatTime(next.start)}` : '—'}</p>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="policies">
        <h2 id="policies">Escalation policies</h2>
        <ul className="list">
          {dir.policies.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              <ul className="plain">
                {p.levels.map((level, k) => {
                  const people = oncall.filter((o) => o.escalationPolicyId === p.id && o.level === k);
                  return (
                    <li key={k}>
                      Level {k + 1}:{' '}
                      {people.length === 0
                        ? 'nobody'
                        : people.map((o) => `${o.userName ?? 'unknown'}${o.end ? ` until ${formatTime(o.end)}` : ''}`).join(', ')}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
