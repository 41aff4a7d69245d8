import { FormEvent, useState } from 'react';
import { all, api, Integration, MaintenanceWindow, Service } from '../api/client';
import { formatTime } from '../format';
import { isAdmin, useSession } from '../session';
import { CopyButton, ErrorText, Loading, Page, StatusBadge } from '../ui';
import { useAction, useLoad } from '../use-load';

function Maintenance({ service, windows, onChange }: { service: Service; windows: MaintenanceWindow[]; onChange: () => void }) {
  const session = useSession();
  const [hours, setHours] = useState(1);
  const action = useAction();
  const mine = windows.filter((w) => w.state !== 'ended' && w.serviceIds.includes(service.id));
  const start = async (e: FormEvent) => {
    e.preventDefault();
    const end = new Date(Date.now() + hours * 3_600_000).toISOString();
    const body = { description: `Maintenance of ${service.name}`, serviceIds: [service.id], end };
    if (await action.run(() => api.post('/api/v1/maintenance-windows', body))) onChange();
  };
  const endNow = async (id: string) => {
    if (await action.run(() => api.post(`/api/v1/maintenance-windows/${id}/end`))) onChange();
  };
  return (
    <div>
      <h3>Maintenance</h3>
      {service.maintenance && <p className="warning">In maintenance until {formatTime(service.maintenance.until)}: new incidents page nobody.</p>}
      <ul className="plain">
        {mine.map((w) => (
          <li key={w.id}>
            <StatusBadge status={w.state} /> {w.description}: {formatTime(w.start)} – {formatTime(w.end)}{' '}
            {isAdmin(session) && (
              <button type="button" className="small" onClick={() => endNow(w.id)} disabled={action.busy} aria-label={`End now: maintenance of ${service.name}`}>
                End now
              </button>
            )}
          </li>
        ))}
      </ul>
      {isAdmin(session) && mine.length === 0 && (
        <form onSubmit={start} className="row">
          <label>
            Hours
            <input type="number" min={1} max={168} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
          </label>
          <button type="submit" disabled={action.busy} aria-label={`Start maintenance of ${service.name}`}>
            Start maintenance
          </button>
        </form>
      )}
      <ErrorText error={action.error} />
    </div>
  );
}

/** Services: their policy, integration URLs to copy into monitoring tools, maintenance windows. */
export default function Services() {
  const { data, error, reload } = useLoad(async () => {
    const [services, windows, policies] = await Promise.all([
      all<Service>('/api/v1/services'),
      all<MaintenanceWindow>('/api/v1/maintenance-windows'),
      all<{ id: string; name: string }>('/api/v1/escalation-policies'),
    ]);
    const integrations = await Promise.all(services.map((s) => api.get<Integration[]>(`/api/v1/services/${s.id}/integrations`)));
    return { services, windows, policies, integrations };
  }, []);
  if (!data) return <Loading error={error} />;
  const policyName = (id: string | null) => (id ? (data.policies.find((p) => p.id === id)?.name ?? id) : null);
  return (
    <Page title="Services">
      {data.services.length === 0 && <p className="muted">No services yet.</p>}
      <ul className="list">
        {data.services.map((s, k) => (
          <li key={s.id}>
            <h2>{s.name}</h2>
            {s.description && <p>{s.description}</p>}
            {!s.escalationPolicyId && !s.builtIn ? (
              <p className="warning">No escalation policy: incidents of this service page nobody.</p>
            ) : (
              <p className="small-text">Escalation policy: {policyName(s.escalationPolicyId) ?? 'chosen per incident'}</p>
            )}
            <h3>Integrations</h3>
            {data.integrations[k].length === 0 && <p className="muted small-text">None.</p>}
            <ul className="plain">
              {data.integrations[k].map((i) => (
                <li key={i.id}>
                  <strong>{i.name ?? i.type}</strong> <span className="muted">({i.type})</span>
                  {i.url && (
                    <div className="row">
                      <span className="code">{i.url}</span>
                      <CopyButton text={i.url} label={`Copy the ${i.type} URL of ${s.name}`} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
            <Maintenance service={s} windows={data.windows} onChange={reload} />
          </li>
        ))}
      </ul>
    </Page>
  );
}
