import type { AlertmanagerLoad, EventsV2Load, LoadSpec } from './load';

/**
 * What a load run posts, written once per target for both load generators:
 * `body` is what autocannon sends (load-runner.ts), `luaBody` the same bytes
 * built in wrk's Lua `request()` (wrk.ts), so a figure does not depend on
 * which generator measured it.
 */
export interface LoadTarget<S extends LoadSpec> {
  /** The path every request is POSTed to. */
  path: string;
  /** JSON body of request number `i` (0-based, in sending order), whose key is `key`. */
  body(spec: S, i: number, key: string): string;
  /** Lua `local` declarations `luaBody` reads (one string literal or table per line). */
  luaLocals(spec: S): string;
  /** Lua expression for the same body, over the locals `i`, `key` and `prefix`. */
  luaBody: string;
}

/** A Lua string literal (JSON's escapes are valid Lua for the bench's ASCII keys). */
export const lua = (text: string): string => JSON.stringify(text);

/** The key of request number `i`: cycled over `spec.dedupKeys`, or a new one each request when that is 0. */
export function requestKey(spec: Pick<LoadSpec, 'dedupKeys' | 'dedupPrefix'>, i: number): string {
  return spec.dedupKeys > 0 ? `${spec.dedupPrefix}-${i % spec.dedupKeys}` : `${spec.dedupPrefix}-${i}`;
}

/** PagerDuty Events v2 triggers; the key is the dedup key, the routing keys taken in turn. */
const eventsV2: LoadTarget<EventsV2Load> = {
  path: '/v2/enqueue',
  body: (spec, i, key) =>
    JSON.stringify({
      routing_key: spec.routingKeys[i % spec.routingKeys.length],
      event_action: 'trigger',
      dedup_key: key,
      payload: { summary: `${spec.dedupPrefix} ${key} disk almost full`, source: `host-${i % 50}`, severity: 'critical' },
    }),
  luaLocals: (spec) => `local routingKeys = { ${spec.routingKeys.map(lua).join(', ')} }`,
  luaBody: `'{"routing_key":"' .. routingKeys[(i % #routingKeys) + 1] .. '","event_action":"trigger","dedup_key":"' .. key ..
    '","payload":{"summary":"' .. prefix .. ' ' .. key .. ' disk almost full","source":"host-' .. (i % 50) ..
    '","severity":"critical"}}'`,
};

/** Alertmanager's v2 API takes an array of postable alerts; one alert per request, its label set told apart by `instance`. */
const alertmanager: LoadTarget<AlertmanagerLoad> = {
  path: '/api/v2/alerts',
  body: (spec, i, key) =>
    JSON.stringify([
      {
        labels: { alertname: 'BenchDiskAlmostFull', instance: key, job: `host-${i % 50}`, severity: 'critical' },
        annotations: { summary: `${spec.dedupPrefix} ${key} disk almost full` },
      },
    ]),
  luaLocals: () => '',
  luaBody: `'[{"labels":{"alertname":"BenchDiskAlmostFull","instance":"' .. key .. '","job":"host-' .. (i % 50) ..
    '","severity":"critical"},"annotations":{"summary":"' .. prefix .. ' ' .. key .. ' disk almost full"}}]'`,
};

const TARGETS = { 'events-v2': eventsV2, alertmanager } as const;

/** The target a spec posts to (Events v2 unless it says otherwise). */
export function loadTarget<S extends LoadSpec>(spec: S): LoadTarget<S> {
  // The record pairs each target name with the spec type that names it; TypeScript cannot follow that through an index.
  return TARGETS[spec.target ?? 'events-v2'] as unknown as LoadTarget<S>;
}

/** Body of request number `i` of a run, as either generator sends it. */
export function requestBody(spec: LoadSpec, i: number): string {
  return loadTarget(spec).body(spec, i, requestKey(spec, i));
}
