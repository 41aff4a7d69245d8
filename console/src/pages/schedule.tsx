import { FormEvent, lazy, Suspense, useMemo, useState } from 'react';
import { api, Schedule, Schemas, User, all } from '../api/client';
import { Calendar } from '../calendar';
import { calendarRange } from '../calendar-range';
import { formatTime, localInputToIso, toLocalInput } from '../format';
import { canRespond, isAdmin, useSession } from '../session';
import { layerShifts, layersOf } from '../schedule-preview';
import { ErrorText, Loading, Page } from '../ui';
import { useAction, useLoad } from '../use-load';

const LayerEditor = lazy(() => import('../layer-editor'));

type Shifts = Schemas['ShiftsResponse'];
type ZoneChoice = 'schedule' | 'mine' | 'utc';

/** Shifts are fetched for the UTC range and two days either side: enough for the same range in any zone. */
const FETCH_MARGIN_MS = 2 * 86_400_000;

function OverrideForm({ schedule, users, onSaved }: { schedule: Schedule; users: User[]; onSaved: () => void }) {
  const now = new Date();
  now.setMinutes(0, 0, 0);
  const [start, setStart] = useState(toLocalInput(now));
  const [end, setEnd] = useState(toLocalInput(new Date(now.getTime() + 8 * 3_600_000)));
  const [userId, setUserId] = useState('');
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = { userId, start: localInputToIso(start), end: localInputToIso(end) };
    if (await action.run(() => api.post(`/api/v1/schedules/${schedule.id}/overrides`, body))) onSaved();
  };
  return (
    <form onSubmit={save} className="card" aria-labelledby="override-title">
      <h2 id="override-title">Create an override</h2>
      <p className="muted small-text">Times are in this browser's time zone.</p>
      <div className="row">
        <label>
          From
          <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          Until
          <input type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <label>
          Who is on call
          <select required value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose a person</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="primary" disabled={action.busy}>
        Create override
      </button>
      <ErrorText error={action.error} />
    </form>
  );
}

export default function SchedulePage({ id }: { id: string }) {
  const session = useSession();
  const [view, setView] = useState<'week' | 'month'>('week');
  const [zoneChoice, setZoneChoice] = useState<ZoneChoice>('schedule');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState(false);
  const remove = useAction();

  const fetched = useMemo(() => {
    const utc = calendarRange(view, offset, 'UTC');
    return { since: new Date(utc.from.getTime() - FETCH_MARGIN_MS), until: new Date(utc.until.getTime() + FETCH_MARGIN_MS) };
  }, [view, offset]);

  const { data, error, reload } = useLoad(async () => {
    const [schedule, users, shifts] = await Promise.all([
      api.get<Schedule>(`/api/v1/schedules/${id}`),
      all<User>('/api/v1/users'),
      api.get<Shifts>(`/api/v1/schedules/${id}/shifts?since=${encodeURIComponent(fetched.since.toISOString())}&until=${encodeURIComponent(fetched.until.toISOString())}`),
    ]);
    return { schedule, users, shifts };
  }, [id, fetched.since.getTime()]);
  if (!data) return <Loading error={error} />;
  const { schedule, users, shifts } = data;
  const names = new Map(users.map((u) => [u.id, u.name]));
  const name = (userId: string | null) => (userId ? (names.get(userId) ?? 'unknown') : 'nobody (gap)');
  const zone = zoneChoice === 'utc' ? 'UTC' : zoneChoice === 'mine' ? (session.user?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone) : schedule.timeZone;
  // The week or month in the zone it is shown in: Monday 00:00 there, not in UTC.
  const { from, until } = calendarRange(view, offset, zone);
  const finalShifts = shifts.shifts.map((s) => ({ userId: s.userId, start: new Date(s.start), end: new Date(s.end) }));

  return (
    <Page title={schedule.name}>
      <p className="muted">Time zone of the schedule: {schedule.timeZone}</p>
      <div className="row">
        <fieldset className="segmented">
          <legend>View</legend>
          {(['week', 'month'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="view" checked={view === v} onChange={() => (setView(v), setOffset(0))} /> {v === 'week' ? 'Week' : 'Month'}
            </label>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend>Time zone</legend>
          {(
            [
              ['schedule', `Schedule's`],
              ['mine', 'Mine'],
              ['utc', 'UTC'],
            ] as const
          ).map(([v, label]) => (
            <label key={v}>
              <input type="radio" name="zone" checked={zoneChoice === v} onChange={() => setZoneChoice(v)} /> {label}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" onClick={() => setOffset(offset - 1)}>
            Previous
          </button>
          <button type="button" onClick={() => setOffset(0)}>
            Today
          </button>
          <button type="button" onClick={() => setOffset(offset + 1)}>
            Next
          </button>
        </div>
      </div>
      <h2>
        Final schedule ({zone}), {formatTime(from.toISOString(), zone)} – {formatTime(until.toISOString(), zone)}
      </h2>
      <Calendar shifts={finalShifts} from={from} until={until} zone={zone} name={name} view={view} />

      <section aria-labelledby="layers">
        <h2 id="layers">Layers</h2>
        <p className="muted small-text">Bottom to top: the highest layer that covers a moment decides, then overrides.</p>
        {layersOf(schedule).map((l, k) => (
          <div key={k} className="layer">
            <h3>
              {k + 1}. {l.name}
            </h3>
            <p className="small-text">
              Every {l.rotation.length} {l.rotation.unit}
              {l.rotation.length === 1 ? '' : 's'}, handoff {formatTime(l.rotation.handoff, zone)}: {l.users.map((u) => name(u)).join(' → ')}
              {(l.restrictions ?? []).length > 0 && ` · only ${(l.restrictions ?? []).map((r) => `${r.startDay ?? ''} ${r.startTime}–${r.endDay ?? ''} ${r.endTime}`).join(', ')}`}
            </p>
            <ul className="plain small-text" aria-label={`Turns of ${l.name}`}>
              {layerShifts(schedule, l, from, until)
                .filter((s) => s.userId)
                .slice(0, 6)
                .map((s) => (
                  <li key={s.start.toISOString()}>
                    {formatTime(s.start.toISOString(), zone)} – {formatTime(s.end.toISOString(), zone)}: {name(s.userId)}
                  </li>
                ))}
            </ul>
          </div>
        ))}
        {isAdmin(session) && !editing && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit layers
          </button>
        )}
        {editing && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <LayerEditor
              schedule={schedule}
              users={users}
              zone={zone}
              onDone={() => {
                setEditing(false);
                void reload();
              }}
            />
          </Suspense>
        )}
      </section>

      {canRespond(session) && <OverrideForm schedule={schedule} users={users} onSaved={reload} />}
      <section aria-labelledby="overrides">
        <h2 id="overrides">Overrides</h2>
        {schedule.overrides.length === 0 && <p className="muted">None.</p>}
        <ul className="plain">
          {schedule.overrides.map((o) => (
            <li key={o.id}>
              {name(o.userId)}: {formatTime(o.start, zone)} – {formatTime(o.end, zone)}{' '}
              {canRespond(session) && (
                <button type="button" className="small" onClick={() => remove.run(() => api.delete(`/api/v1/schedules/${id}/overrides/${o.id}`)).then(reload)}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
        <ErrorText error={remove.error} />
      </section>
    </Page>
  );
}
