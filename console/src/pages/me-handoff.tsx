import { FormEvent, useState } from 'react';
import { api, Schemas, User } from '../api/client';
import { ErrorText, Loading } from '../ui';
import { useAction, useLoad } from '../use-load';

type HandoffRule = Schemas['HandoffRuleResponse'];
type HandoffType = HandoffRule['handoffType'];
type RuleBody = Pick<HandoffRule, 'contactMethodId' | 'handoffType' | 'advanceMinutes'>;

const KINDS: Array<[HandoffType, string]> = [
  ['oncall', 'When I go on call'],
  ['offcall', 'When I come off call'],
  ['both', 'Both'],
];
/** The API's bound on advanceMinutes: one week. */
const MAX_ADVANCE = 10080;
/** A call reads incident pages only, so handoff messages go to SMS, email or Slack. */
const usable = (user: User) => user.contactMethods.filter((c) => c.type !== 'voice');

const kindLabel = (t: HandoffType) => KINDS.find(([k]) => k === t)?.[1] ?? t;
function advanceLabel(minutes: number): string {
  if (minutes === 0) return 'at the handoff';
  if (minutes % 60 === 0) return `${minutes / 60} h before`;
  return `${minutes} min before`;
}

/** The fields of one rule, for adding (no rule) or changing one. */
function RuleForm({ user, rule, submitLabel, onSave, onCancel }: { user: User; rule?: HandoffRule; submitLabel: string; onSave: (body: RuleBody) => Promise<boolean>; onCancel?: () => void }) {
  const [contactMethodId, setContactMethodId] = useState(rule?.contactMethodId ?? '');
  const [handoffType, setType] = useState<HandoffType>(rule?.handoffType ?? 'both');
  const [advanceMinutes, setAdvance] = useState(rule?.advanceMinutes ?? 0);
  const prefix = rule ? `handoff-${rule.id}` : 'handoff-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await onSave({ contactMethodId, handoffType, advanceMinutes })) && !rule) {
      setContactMethodId('');
      setAdvance(0);
    }
  };
  return (
    <form onSubmit={submit} className="row" aria-label={rule ? 'Change handoff rule' : 'Add handoff rule'}>
      <label htmlFor={`${prefix}-cm`}>
        Tell me by
        <select id={`${prefix}-cm`} required value={contactMethodId} onChange={(e) => setContactMethodId(e.target.value)}>
          <option value="">Choose</option>
          {usable(user).map((c) => (
            <option key={c.id} value={c.id}>
              {c.type} {c.address}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${prefix}-type`}>
        When
        <select id={`${prefix}-type`} value={handoffType} onChange={(e) => setType(e.target.value as HandoffType)}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${prefix}-advance`}>
        Minutes in advance
        <input id={`${prefix}-advance`} type="number" min={0} max={MAX_ADVANCE} required value={advanceMinutes} onChange={(e) => setAdvance(Number(e.target.value))} />
      </label>
      <button type="submit">{submitLabel}</button>
      {onCancel && (
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

/** My handoff rules: a message before I go on call or come off call (see the API's handoff rules). */
export function HandoffRules({ user, canEdit }: { user: User; canEdit: boolean }) {
  const base = `/api/v1/users/${user.id}/handoff-rules`;
  // Loaded again whenever the user is (removing a contact method removes its handoff rules).
  const { data, error, reload } = useLoad(() => api.get<{ items: HandoffRule[] }>(base), [base, user]);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const method = (id: string) => user.contactMethods.find((c) => c.id === id);
  const save = (run: () => Promise<unknown>) =>
    action.run(async () => {
      await run();
      setEditing(null);
      await reload();
    });
  return (
    <section aria-labelledby="handoff">
      <h2 id="handoff">Handoff rules</h2>
      <p className="muted small-text">A message before a shift of mine starts or ends, with the schedule and the times in my time zone.</p>
      {!data ? (
        <Loading error={error} />
      ) : (
        <ul className="plain" aria-label="My handoff rules">
          {data.items.length === 0 && <li className="muted">No handoff rules.</li>}
          {data.items.map((r) => {
            const cm = method(r.contactMethodId);
            const text = `${kindLabel(r.handoffType)}, ${advanceLabel(r.advanceMinutes)}: ${cm ? `${cm.type} ${cm.address}` : 'a removed contact method'}`;
            return (
              <li key={r.id}>
                {editing === r.id ? (
                  <RuleForm user={user} rule={r} submitLabel="Save handoff rule" onSave={(body) => save(() => api.patch(`${base}/${r.id}`, body))} onCancel={() => setEditing(null)} />
                ) : (
                  <>
                    {text}
                    {canEdit && (
                      <div className="actions">
                        <button type="button" className="small" onClick={() => setEditing(r.id)} aria-label={`Change handoff rule (${text})`}>
                          Change
                        </button>
                        <button type="button" className="small" onClick={() => save(() => api.delete(`${base}/${r.id}`))} disabled={action.busy} aria-label={`Remove handoff rule (${text})`}>
                          Remove
                        </button>
                      </div>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit &&
        (usable(user).length === 0 ? (
          <p className="muted small-text">Add an SMS, email or Slack contact method first.</p>
        ) : (
          <RuleForm user={user} submitLabel="Add handoff rule" onSave={(body) => save(() => api.post(base, body))} />
        ))}
      <ErrorText error={action.error} />
    </section>
  );
}
