import { useMemo, useState } from 'react';
import { api, LayerInput, Schedule, Schemas, User } from './api/client';
import { formatTime, localInputToIso, toLocalInput } from './format';
import { previewShifts } from './schedule-preview';
import { ErrorText } from './ui';
import { useAction } from './use-load';

type Restriction = Schemas['RestrictionDto'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const PREVIEW_DAYS = 14;

function LayerFields({ layer, k, users, set, remove }: { layer: LayerInput; k: number; users: User[]; set: (l: LayerInput) => void; remove: () => void }) {
  const [adding, setAdding] = useState('');
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const move = (i: number, by: number) => {
    const next = [...layer.users];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    set({ ...layer, users: next });
  };
  const restrictions = layer.restrictions ?? [];
  const setRestriction = (i: number, r: Restriction) => set({ ...layer, restrictions: restrictions.map((x, j) => (j === i ? r : x)) });
  const label = layer.name || `Layer ${k + 1}`;
  return (
    <fieldset className="layer">
      <legend>{label}</legend>
      <label>
        Name
        <input value={layer.name ?? ''} onChange={(e) => set({ ...layer, name: e.target.value })} />
      </label>
      <h3>People, in turn order</h3>
      <ol>
        {layer.users.map((u, i) => (
          <li key={`${u}-${i}`}>
            {name(u)}{' '}
            <button type="button" className="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${name(u)} up in ${label}`}>
              Up
            </button>{' '}
            <button type="button" className="small" disabled={i === layer.users.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${name(u)} down in ${label}`}>
              Down
            </button>{' '}
            <button type="button" className="small" onClick={() => set({ ...layer, users: layer.users.filter((_, j) => j !== i) })} aria-label={`Remove ${name(u)} from ${label}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <label>
          Add a person to {label}
          <select value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!adding} onClick={() => (set({ ...layer, users: [...layer.users, adding] }), setAdding(''))}>
          Add person
        </button>
      </div>
      <div className="row">
        <label>
          Turn length
          <input type="number" min={1} max={10000} value={layer.rotation.length} onChange={(e) => set({ ...layer, rotation: { ...layer.rotation, length: Number(e.target.value) } })} />
        </label>
        <label>
          Unit
          <select value={layer.rotation.unit} onChange={(e) => set({ ...layer, rotation: { ...layer.rotation, unit: e.target.value as LayerInput['rotation']['unit'] } })}>
            <option value="hour">hours</option>
            <option value="day">days</option>
            <option value="week">weeks</option>
          </select>
        </label>
        <label>
          First handoff (your time)
          <input
            type="datetime-local"
            value={toLocalInput(new Date(layer.rotation.handoff))}
            onChange={(e) => {
              const iso = localInputToIso(e.target.value);
              if (iso) set({ ...layer, rotation: { ...layer.rotation, handoff: iso } });
            }}
          />
        </label>
      </div>
      <h3>Restrictions</h3>
      {restrictions.length === 0 && <p className="muted small-text">None: the layer covers all of its time.</p>}
      {restrictions.map((r, i) => (
        <div key={i} className="row">
          <label>
            Kind
            <select value={r.type} onChange={(e) => setRestriction(i, e.target.value === 'daily' ? { type: 'daily', startTime: r.startTime, endTime: r.endTime } : { ...r, type: 'weekly', startDay: 'mon', endDay: 'fri' })}>
              <option value="daily">every day</option>
              <option value="weekly">weekly</option>
            </select>
          </label>
          {r.type === 'weekly' && (
            <label>
              From day
              <select value={r.startDay} onChange={(e) => setRestriction(i, { ...r, startDay: e.target.value as Restriction['startDay'] })}>
                {DAYS.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            From
            <input type="time" value={r.startTime} onChange={(e) => setRestriction(i, { ...r, startTime: e.target.value })} />
          </label>
          {r.type === 'weekly' && (
            <label>
              To day
              <select value={r.endDay} onChange={(e) => setRestriction(i, { ...r, endDay: e.target.value as Restriction['endDay'] })}>
                {DAYS.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
          )}
          <label>
            To
            <input type="time" value={r.endTime} onChange={(e) => setRestriction(i, { ...r, endTime: e.target.value })} />
          </label>
          <button type="button" className="small" onClick={() => set({ ...layer, restrictions: restrictions.filter((_, j) => j !== i) })}>
            Remove restriction
          </button>
        </div>
      ))}
      <div className="actions">
        <button type="button" onClick={() => set({ ...layer, restrictions: [...restrictions, { type: 'daily', startTime: '09:00', endTime: '17:00' }] })}>
          Add restriction
        </button>
        <button type="button" onClick={remove}>
          Remove {label}
        </button>
      </div>
    </fieldset>
  );
}

/** Edits a schedule's layers; the preview runs the server's own resolver on the draft before anything is saved. */
export default function LayerEditor({ schedule, users, zone, onDone }: { schedule: Schedule; users: User[]; zone: string; onDone: () => void }) {
  const [layers, setLayers] = useState<LayerInput[]>(() =>
    schedule.layers.map((l) => ({ name: l.name, start: l.start, end: l.end, rotation: { ...l.rotation }, users: [...l.users], restrictions: l.restrictions.map((r) => ({ ...r })) })),
  );
  const action = useAction();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const preview = useMemo(() => {
    const since = new Date();
    try {
      return { shifts: previewShifts(schedule, layers, since, new Date(since.getTime() + PREVIEW_DAYS * 86_400_000)), error: null };
    } catch (e) {
      return { shifts: [], error: e instanceof Error ? e.message : String(e) };
    }
  }, [schedule, layers]);
  const addLayer = () => {
    const now = new Date().toISOString();
    setLayers([...layers, { name: `Layer ${layers.length + 1}`, start: now, end: null, rotation: { unit: 'week', length: 1, handoff: now }, users: [], restrictions: [] }]);
  };
  const save = async () => {
    if (await action.run(() => api.patch(`/api/v1/schedules/${schedule.id}`, { layers }))) onDone();
  };
  return (
    <div className="card">
      <h2>Edit layers</h2>
      {layers.map((l, k) => (
        <LayerFields
          key={k}
          layer={l}
          k={k}
          users={users}
          set={(next) => setLayers(layers.map((x, j) => (j === k ? next : x)))}
          remove={() => setLayers(layers.filter((_, j) => j !== k))}
        />
      ))}
      <button type="button" onClick={addLayer}>
        Add layer
      </button>
      <section aria-labelledby="preview-title">
        <h3 id="preview-title">Preview: the next {PREVIEW_DAYS} days ({zone})</h3>
        <ErrorText error={preview.error} />
        <ul className="plain small-text" aria-label="Preview of shifts">
          {preview.shifts.map((s) => (
            <li key={s.start.toISOString()} className={s.userId ? undefined : 'error'}>
              {formatTime(s.start.toISOString(), zone)} – {formatTime(s.end.toISOString(), zone)}: {s.userId ? (names.get(s.userId) ?? s.userId) : 'nobody (gap)'}
            </li>
          ))}
        </ul>
      </section>
      <div className="actions">
        <button type="button" className="primary" onClick={save} disabled={action.busy || preview.error !== null}>
          Save layers
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ErrorText error={action.error} />
    </div>
  );
}
