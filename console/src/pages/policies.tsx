import { loadDirectory } from '../directory';
import { Loading, Page } from '../ui';
import { useLoad } from '../use-load';

/** Escalation policies: levels, targets and delays, with the server's warnings on top of each. */
export default function Policies() {
  const { data: dir, error } = useLoad(loadDirectory, []);
  if (!dir) return <Loading error={error} />;
  const warned = dir.policies.filter((p) => p.warnings.length > 0).length;
  return (
    <Page title="Escalation policies">
      {warned > 0 && (
        <p className="warning" role="alert">
          {warned} polic{warned === 1 ? 'y has' : 'ies have'} warnings: someone may not be paged.
        </p>
      )}
      {dir.policies.length === 0 && <p className="muted">No escalation policies yet.</p>}
      <ul className="list">
        {dir.policies.map((p) => (
          <li key={p.id}>
            <h2>{p.name}</h2>
            {p.warnings.length > 0 && (
              <div className="warning">
                Warnings
                <ul>
                  {p.warnings.map((w, k) => (
                    <li key={k}>{w.message}</li>
                  ))}
                </ul>
              </div>
            )}
            <ol>
              {p.levels.map((level, k) => (
                <li key={k}>
                  {level.targets.map((t) => `${dir.name(t.type, t.id)} (${t.type})`).join(', ') || 'no targets'}
                  <span className="muted"> — then after {level.delayMinutes} min</span>
                </li>
              ))}
            </ol>
            <p className="small-text muted">
              Repeats {p.repeat} time{p.repeat === 1 ? '' : 's'} after the last level.
              {' Services: '}
              {dir.services.filter((s) => s.escalationPolicyId === p.id).map((s) => s.name).join(', ') || 'none'}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
