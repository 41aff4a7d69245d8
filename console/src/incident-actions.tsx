import { api, Incident } from './api/client';
import { canRespond, useSession } from './session';
import { useAction } from './use-load';
import { ErrorText } from './ui';

/** Acknowledge / Resolve / Escalate, as the incident's status allows and the role permits. */
export function IncidentActions({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const session = useSession();
  const action = useAction();
  if (!canRespond(session) || incident.status === 'resolved') return null;
  const act = (verb: 'acknowledge' | 'resolve' | 'escalate') => async () => {
    if (await action.run(() => api.post(`/api/v1/incidents/${incident.id}/${verb}`))) onDone();
  };
  const label = `#${incident.number}`;
  return (
    <div className="actions">
      {incident.status === 'triggered' && (
        <button type="button" className="primary" onClick={act('acknowledge')} disabled={action.busy} aria-label={`Acknowledge ${label}`}>
          Acknowledge
        </button>
      )}
      <button type="button" onClick={act('resolve')} disabled={action.busy} aria-label={`Resolve ${label}`}>
        Resolve
      </button>
      <button type="button" onClick={act('escalate')} disabled={action.busy} aria-label={`Escalate ${label}`}>
        Escalate
      </button>
      <ErrorText error={action.error} />
    </div>
  );
}
