import { all, Schedule } from '../api/client';
import { formatTime } from '../format';
import { Link } from '../router';
import { Loading, Page } from '../ui';
import { useLoad } from '../use-load';

export default function Schedules() {
  const { data, error } = useLoad(() => all<Schedule>('/api/v1/schedules'), []);
  if (!data) return <Loading error={error} />;
  return (
    <Page title="Schedules">
      {data.length === 0 && <p className="muted">No schedules yet.</p>}
      <ul className="list">
        {data.map((s) => (
          <li key={s.id}>
            <Link href={`/schedules/${s.id}`} className="incident-title">
              {s.name}
            </Link>
            <p className="small-text muted">
              {s.timeZone} · {s.layers.length} layer{s.layers.length === 1 ? '' : 's'}
              {s.nextGap && ` · gap from ${formatTime(s.nextGap.start)}`}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
