import { FormEvent, useState } from 'react';
import { all, api, Incident, Schedule, User } from '../api/client';
import { Link } from '../router';
import { canRespond, useSession } from '../session';
import { CopyButton, ErrorText, Loading, Page } from '../ui';
import { useAction, useLoad } from '../use-load';
import { HandoffRules } from './me-handoff';

type ContactType = User['contactMethods'][number]['type'];
const TYPES: Array<[ContactType, string]> = [
  ['sms', 'SMS'],
  ['voice', 'Voice call'],
  ['email', 'Email'],
  ['slack', 'Slack member id'],
];

function ContactMethods({ user, canEdit, onChange }: { user: User; canEdit: boolean; onChange: () => void }) {
  const [type, setType] = useState<ContactType>('sms');
  const [address, setAddress] = useState('');
  const [tested, setTested] = useState<number | null>(null);
  const action = useAction();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.post(`/api/v1/users/${user.id}/contact-methods`, { type, address: address.trim() }))) {
      setAddress('');
      onChange();
    }
  };
  // A test page is a real page to me alone (direct paging), so it goes out by my notification rules,
  // and its incident page shows each notification's state: sent, delivered or failed, and why.
  const testPage = async (label: string) => {
    await action.run(async () => {
      const incident = await api.post<Incident>('/api/v1/incidents', {
        title: `Test page for ${user.name} (${label})`,
        severity: 'info',
        targets: [{ type: 'user', id: user.id }],
      });
      setTested(incident.number);
    });
  };
  return (
    <section aria-labelledby="contact">
      <h2 id="contact">Contact methods</h2>
      <ul className="plain">
        {user.contactMethods.map((c) => (
          <li key={c.id}>
            <strong>{TYPES.find(([t]) => t === c.type)?.[1] ?? c.type}</strong> {c.address} {!c.enabled && <span className="muted">(disabled)</span>}
            <div className="actions">
              {canEdit && (
                <>
                  <button type="button" className="small" onClick={() => testPage(`${c.type} ${c.address}`)} disabled={action.busy} aria-label={`Test page (${c.type} ${c.address})`}>
                    Test page
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => action.run(() => api.delete(`/api/v1/users/${user.id}/contact-methods/${c.id}`)).then(onChange)}
                    aria-label={`Remove ${c.type} ${c.address}`}
                  >
                    Remove
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {tested !== null && (
        <p role="status">
          Test page sent: <Link href={`/incidents/${tested}`}>incident #{tested}</Link> shows whether it reached you. Resolve it when done.
        </p>
      )}
      {canEdit && (
        <form onSubmit={add} className="row">
          <label>
            Type
            <select value={type} onChange={(e) => setType(e.target.value as ContactType)}>
              {TYPES.map(([t, label]) => (
                <option key={t} value={t}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Address
            <input required value={address} onChange={(e) => setAddress(e.target.value)} placeholder={type === 'email' ? 'me@example.com' : type === 'slack' ? 'U01234567' : '+1 415 555 0123'} />
          </label>
          <button type="submit" disabled={action.busy}>
            Add contact method
          </button>
        </form>
      )}
      <ErrorText error={action.error} />
    </section>
  );
}

function NotificationRules({ user, canEdit, onChange }: { user: User; canEdit: boolean; onChange: () => void }) {
  const [contactMethodId, setContactMethodId] = useState('');
  const [delayMinutes, setDelay] = useState(0);
  const action = useAction();
  const method = (id: string) => user.contactMethods.find((c) => c.id === id);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.post(`/api/v1/users/${user.id}/notification-rules`, { contactMethodId, delayMinutes }))) onChange();
  };
  return (
    <section aria-labelledby="rules">
      <h2 id="rules">Notification rules</h2>
      <p className="muted small-text">When I am paged: which contact method, how many minutes after the page.</p>
      <ul className="plain">
        {[...user.notificationRules]
          .sort((a, b) => a.delayMinutes - b.delayMinutes)
          .map((r) => (
            <li key={r.id}>
              After {r.delayMinutes} min: {method(r.contactMethodId)?.type} {method(r.contactMethodId)?.address}{' '}
              {canEdit && (
                <button type="button" className="small" onClick={() => action.run(() => api.delete(`/api/v1/users/${user.id}/notification-rules/${r.id}`)).then(onChange)}>
                  Remove
                </button>
              )}
            </li>
          ))}
      </ul>
      {canEdit && (
        <form onSubmit={add} className="row">
          <label>
            Contact method
            <select required value={contactMethodId} onChange={(e) => setContactMethodId(e.target.value)}>
              <option value="">Choose</option>
              {user.contactMethods.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.type} {c.address}
                </option>
              ))}
            </select>
          </label>
          <label>
            Minutes after the page
            <input type="number" min={0} max={1440} value={delayMinutes} onChange={(e) => setDelay(Number(e.target.value))} />
          </label>
          <button type="submit" disabled={action.busy}>
            Add rule
          </button>
        </form>
      )}
      <ErrorText error={action.error} />
    </section>
  );
}

function TimeZone({ user, canEdit, onChange }: { user: User; canEdit: boolean; onChange: () => void }) {
  const [zone, setZone] = useState(user.timeZone);
  const action = useAction();
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [user.timeZone, 'UTC'];
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.patch(`/api/v1/users/${user.id}`, { timeZone: zone }))) onChange();
  };
  return (
    <form onSubmit={save} aria-labelledby="zone-title">
      <h2 id="zone-title">Time zone</h2>
      <div className="row">
        <label>
          My time zone
          <select value={zone} onChange={(e) => setZone(e.target.value)}>
            {[...new Set([user.timeZone, 'UTC', ...zones])].map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!canEdit || action.busy || zone === user.timeZone}>
          Save time zone
        </button>
      </div>
      <ErrorText error={action.error} />
    </form>
  );
}

export default function Me() {
  const session = useSession();
  const id = session.user!.id;
  const { data, error, reload } = useLoad(async () => {
    const [user, schedules] = await Promise.all([api.get<User>(`/api/v1/users/${id}`), all<Schedule>('/api/v1/schedules')]);
    return { user, schedules: schedules.filter((s) => s.layers.some((l) => l.users.includes(id)) || s.overrides.some((o) => o.userId === id)) };
  }, [id]);
  if (!data) return <Loading error={error} />;
  const { user, schedules } = data;
  // Every responder (and admin) changes their own settings; a read-only user only reads them.
  const canEdit = canRespond(session);
  return (
    <Page title={user.name}>
      <p className="muted">{user.email}</p>
      {!canEdit && <p className="muted">My role is read-only: an admin changes these settings for me.</p>}
      <ContactMethods user={user} canEdit={canEdit} onChange={reload} />
      <NotificationRules user={user} canEdit={canEdit} onChange={reload} />
      <HandoffRules user={user} canEdit={canEdit} />
      <TimeZone user={user} canEdit={canEdit} onChange={reload} />
      <section aria-labelledby="ical">
        <h2 id="ical">My iCal links</h2>
        <p className="muted small-text">Subscribe in a calendar app to see my shifts; anyone with a link can read that schedule's shifts.</p>
        {schedules.length === 0 && <p className="muted">I am on no schedule.</p>}
        <ul className="plain">
          {schedules.map((s) => {
            const url = s.icalUrl ? `${new URL(s.icalUrl, location.origin).href}&userId=${id}` : null;
            return (
              <li key={s.id}>
                {s.name}:{' '}
                {url ? (
                  <span className="row">
                    <span className="code">{url}</span> <CopyButton text={url} label={`Copy my iCal link of ${s.name}`} />
                  </span>
                ) : (
                  <span className="muted">no link for this role</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </Page>
  );
}
