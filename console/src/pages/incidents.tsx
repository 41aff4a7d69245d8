import { useCallback, useMemo, useState } from 'react';
import { all, api, Incident, Notification, Page as ApiPage, Service } from '../api/client';
import { relative } from '../format';
import { IncidentActions } from '../incident-actions';
import { useIncidentEvents } from '../live';
import { Link } from '../router';
import { canRespond, useSession } from '../session';
import { ErrorText, Loading, Page, StatusBadge } from '../ui';
import { useAction, useLoad } from '../use-load';

type StatusFilter = 'open' | 'triggered' | 'acknowledged' | 'resolved';
const ORDER: Record<string, number> = { triggered: 0, acknowledged: 1, resolved: 2 };

/** Open incidents first (triggered, then acknowledged), newest first within each. */
function sortIncidents(list: Incident[]): Incident[] {
  return [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));
}

/** "Mine": incidents that paged me or that I acknowledged or resolved. */
async function mine(list: Incident[], userId: string): Promise<Incident[]> {
  const paged = await Promise.all(
    list.map(async (i) => {
      if (i.acknowledgedBy?.id === userId || i.resolvedBy?.id === userId) return true;
      const pages = await api.get<ApiPage<Notification>>(`/api/v1/incidents/${i.id}/notifications?limit=500`);
      return pages.items.some((n) => n.user?.id === userId);
    }),
  );
  return list.filter((_, k) => paged[k]);
}

export default function Incidents() {
  const session = useSession();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [serviceId, setServiceId] = useState('');
  const [onlyMine, setOnlyMine] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bulk = useAction();

  const services = useLoad(() => all<Service>('/api/v1/services'), []);
  const { data, error, reload } = useLoad(async () => {
    const query = new URLSearchParams({ status, limit: '100' });
    if (serviceId) query.set('serviceId', serviceId);
    const page = await api.get<ApiPage<Incident>>(`/api/v1/incidents?${query}`);
    const list = onlyMine && session.user ? await mine(page.items, session.user.id) : page.items;
    return sortIncidents(list);
  }, [status, serviceId, onlyMine, session.user]);
  // Pushed: any incident change anywhere refreshes the list.
  useIncidentEvents(useCallback(() => void reload(), [reload]));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const triggered = useMemo(() => (data ?? []).filter((i) => i.status === 'triggered' && selected.has(i.id)), [data, selected]);
  const ackSelected = async () => {
    const ok = await bulk.run(() => Promise.all(triggered.map((i) => api.post(`/api/v1/incidents/${i.id}/acknowledge`))));
    if (ok) setSelected(new Set());
    await reload();
  };

  return (
    <Page title="Incidents">
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="open">Open</option>
            <option value="triggered">Triggered</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
        <label>
          Service
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">All services</option>
            {services.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {session.user && (
          <label className="check">
            <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} /> Mine
          </label>
        )}
      </form>
      {canRespond(session) && triggered.length > 0 && (
        <div className="bulk" role="region" aria-label="Selected incidents">
          <button type="button" className="primary" onClick={ackSelected} disabled={bulk.busy}>
            Acknowledge {triggered.length} selected
          </button>
          <ErrorText error={bulk.error} />
        </div>
      )}
      {!data ? (
        <Loading error={error} />
      ) : data.length === 0 ? (
        <p className="muted">No {status === 'open' ? 'open ' : ''}incidents.</p>
      ) : (
        <ul className="list" aria-label="Incident list">
          {data.map((i) => (
            <li key={i.id} className={`incident incident-${i.status}`} data-number={i.number}>
              <div className="incident-head">
                {canRespond(session) && i.status !== 'resolved' && (
                  <input type="checkbox" checked={selected.has(i.id)} onChange={() => toggle(i.id)} aria-label={`Select #${i.number}`} />
                )}
                <StatusBadge status={i.status} />
                <Link href={`/incidents/${i.number}`} className="incident-title">
                  #{i.number} {i.title}
                </Link>
              </div>
              <p className="muted small-text">
                {i.service?.name ?? ''} · {i.severity} · opened {relative(i.createdAt)}
                {i.suppressed ? ' · suppressed' : ''}
                {i.maintenance ? ' · held by maintenance' : ''}
              </p>
              <IncidentActions incident={i} onDone={reload} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
