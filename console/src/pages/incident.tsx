import { FormEvent, useCallback, useState } from 'react';
import { all, api, Incident, Notification, Page as ApiPage, Policy, Schemas, Service } from '../api/client';
import { formatTime, relative } from '../format';
import { IncidentActions } from '../incident-actions';
import { useIncidentEvents } from '../live';
import { Link } from '../router';
import { canRespond, useSession } from '../session';
import { ErrorText, Loading, Page, StatusBadge } from '../ui';
import { useAction, useLoad } from '../use-load';

type OnCallItem = Schemas['PoliciesOnCallItemResponse'];
type Target = Schemas['PolicyTargetDto'];

interface Detail {
  incident: Incident;
  notifications: Notification[];
  service: Service | null;
  policy: Policy | null;
  oncall: OnCallItem[];
  names: Map<string, string>;
}

async function loadDetail(number: number): Promise<Detail> {
  const incident = await api.get<Incident>(`/api/v1/incident-numbers/${number}`);
  const pages = await api.get<ApiPage<Notification>>(`/api/v1/incidents/${incident.id}/notifications?limit=500`);
  const service = await api.get<Service>(`/api/v1/services/${incident.serviceId}`).catch(() => null);
  const policy = service?.escalationPolicyId ? await api.get<Policy>(`/api/v1/escalation-policies/${service.escalationPolicyId}`).catch(() => null) : null;
  const oncall = policy ? (await api.get<{ items: OnCallItem[] }>('/api/v1/oncall')).items.filter((o) => o.escalationPolicyId === policy.id) : [];
  const names = new Map<string, string>();
  if (policy) {
    const [users, schedules] = await Promise.all([all<{ id: string; name: string }>('/api/v1/users'), all<{ id: string; name: string }>('/api/v1/schedules')]);
    for (const x of [...users, ...schedules]) names.set(x.id, x.name);
  }
  return { incident, notifications: pages.items, service, policy, oncall, names };
}

/** Who the current level pages, and when the next level follows (from the last `escalated` entry of the timeline). */
function Escalation({ d }: { d: Detail }) {
  const { incident, policy, oncall, names } = d;
  if (!policy) return <p className="muted">This incident's service has no escalation policy.</p>;
  const level = policy.levels[incident.level];
  const targetName = (t: Target) => `${names.get(t.id) ?? t.id} (${t.type})`;
  const whoNow = (t: Target) => {
    const people = oncall.filter((o) => o.level === incident.level && (t.type === 'user' ? o.userId === t.id : o.scheduleId === t.id));
    return people.length ? people.map((p) => p.userName ?? 'unknown').join(', ') : t.type === 'user' ? (names.get(t.id) ?? '') : 'nobody on call';
  };
  const lastEscalated = [...(incident.timeline ?? [])].reverse().find((e) => e.type === 'escalated');
  const nextIndex = incident.level + 1 < policy.levels.length ? incident.level + 1 : incident.loop < policy.repeat ? 0 : null;
  const nextAt = lastEscalated && level ? new Date(new Date(lastEscalated.at).getTime() + level.delayMinutes * 60_000).toISOString() : null;
  return (
    <section aria-labelledby="paged">
      <h2 id="paged">Paged now</h2>
      {level ? (
        <ul className="plain">
          {level.targets.map((t) => (
            <li key={t.type + t.id}>
              Level {incident.level + 1}: {targetName(t)} — <strong>{whoNow(t)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No level is paging.</p>
      )}
      <p>
        {incident.status !== 'triggered'
          ? 'Escalation is stopped: the incident is ' + incident.status + '.'
          : incident.escalationExhausted || nextIndex === null
            ? 'Next: nothing — every level has been paged.'
            : `Next: level ${nextIndex + 1} (${policy.levels[nextIndex].targets.map(targetName).join(', ') || 'no targets'})${nextAt ? `, ${relative(nextAt)} (${formatTime(nextAt)})` : ''}.`}
      </p>
    </section>
  );
}

function Notes({ incident, onAdded }: { incident: Incident; onAdded: () => void }) {
  const session = useSession();
  const [text, setText] = useState('');
  const action = useAction();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.post(`/api/v1/incidents/${incident.id}/notes`, { text }))) {
      setText('');
      onAdded();
    }
  };
  return (
    <section aria-labelledby="notes">
      <h2 id="notes">Notes</h2>
      <ul className="plain">
        {(incident.notes ?? []).map((n) => (
          <li key={n.id}>
            <strong>{n.author.name ?? n.author.type}</strong> <span className="muted">{formatTime(n.createdAt)}</span>
            <p className="pre">{n.text}</p>
          </li>
        ))}
      </ul>
      {canRespond(session) && (
        <form onSubmit={add}>
          <label>
            Add a note
            <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={2} />
          </label>
          <button type="submit" disabled={action.busy}>
            Add note
          </button>
          <ErrorText error={action.error} />
        </form>
      )}
    </section>
  );
}

/** Links an alert carried (Events v2 `links`, Alertmanager's generatorURL, Grafana's URLs...). */
function alertLinks(payload: unknown): Array<{ href: string; text: string }> {
  const out: Array<{ href: string; text: string }> = [];
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > 4 || out.length >= 10) return;
    if (typeof v === 'string' && /^https?:\/\//.test(v)) out.push({ href: v, text: key || v });
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key, depth + 1));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.href === 'string' && /^https?:\/\//.test(o.href)) out.push({ href: o.href, text: typeof o.text === 'string' ? o.text : o.href });
      else for (const [k, x] of Object.entries(o)) walk(x, k, depth + 1);
    }
  };
  walk(payload, '', 0);
  return out;
}

export default function IncidentPage({ number }: { number: number }) {
  const { data, error, reload } = useLoad(() => loadDetail(number), [number]);
  useIncidentEvents(useCallback((e) => (e === null || e.number === number) && void reload(), [number, reload]));
  if (!data) return <Loading error={error} />;
  const { incident, notifications } = data;
  return (
    <Page title={`#${incident.number} ${incident.title}`}>
      <p className="meta">
        <StatusBadge status={incident.status} /> <span>{incident.service?.name ?? data.service?.name}</span> · <span>severity {incident.severity}</span> ·{' '}
        <span>opened {formatTime(incident.createdAt)}</span>
        {incident.acknowledgedBy && <span> · acknowledged by {incident.acknowledgedBy.name ?? incident.acknowledgedBy.type}</span>}
      </p>
      <IncidentActions incident={incident} onDone={reload} />
      <Escalation d={data} />
      <section aria-labelledby="alerts">
        <h2 id="alerts">Alerts</h2>
        <ul className="plain">
          {(incident.alerts ?? []).map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong> <span className="muted">{a.source} · {a.status} · ×{a.occurrences} · {formatTime(a.lastSeenAt)}</span>
              {alertLinks(a.payload).map((l) => (
                <a key={l.href} className="block" href={l.href} target="_blank" rel="noreferrer noopener">
                  {l.text}
                </a>
              ))}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="pages">
        <h2 id="pages">Notifications</h2>
        {notifications.length === 0 ? (
          <p className="muted">No pages.</p>
        ) : (
          <ul className="plain" aria-label="Notification list">
            {notifications.map((n) => (
              <li key={n.id}>
                <span className={`badge badge-${n.state}`}>{n.state}</span> {n.user?.name ?? 'deleted user'} by {n.channel} to {n.contactMethod.address}{' '}
                <span className="muted">
                  level {n.level + 1} · {formatTime(n.sentAt ?? n.dueAt)}
                  {n.reason ? ` · ${n.reason}` : ''}
                  {n.deliveryStatus ? ` · ${n.deliveryStatus}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Notes incident={incident} onAdded={reload} />
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <ol className="timeline">
          {(incident.timeline ?? []).map((e, k) => (
            <li key={k}>
              <span className="muted">{formatTime(e.at)}</span> {e.message}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link href="/incidents">All incidents</Link>
      </p>
    </Page>
  );
}
