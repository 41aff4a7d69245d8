import { BENCH_ADMIN_KEY } from './klaxon-process';

/** Calls the Klaxon admin API as the bench's bootstrap admin key. Throws on an unexpected status. */
export async function api<T = any>(base: string, method: string, path: string, body?: unknown, expect = [200, 201]): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface BenchService {
  serviceId: string;
  routingKey: string;
  phone: string;
}

let phoneSeq = 0;
/** Keeps emails unique when the bench runs again against the same DATABASE_URL. */
const RUN = Date.now().toString(36);
/** Distinct E.164 numbers (+1 415 7xx xxxx), so no two services page one phone. */
const benchPhone = (): string => `+1415${String(7_000_000 + ++phoneSeq).padStart(7, '0')}`;

/**
 * Creates `count` services, each with its own on-call user (one SMS contact
 * method with its default rule), a one-level policy paging that user at once,
 * and an Events v2 integration. Created `parallel` at a time through the API.
 */
export async function createServices(base: string, count: number, label: string, parallel = 8): Promise<BenchService[]> {
  const out: BenchService[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const phone = benchPhone();
      const user = await api(base, 'POST', '/api/v1/users', { name: `${label} on-call ${i}`, email: `${label}-${i}-${phone.slice(1)}-${RUN}@bench.example` });
      await api(base, 'POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'sms', address: phone });
      const policy = await api(base, 'POST', '/api/v1/escalation-policies', {
        name: `${label} policy ${i}`,
        repeat: 0,
        levels: [{ delayMinutes: 30, targets: [{ type: 'user', id: user.id }] }],
      });
      const svc = await api(base, 'POST', '/api/v1/services', { name: `${label} ${i}`, escalationPolicyId: policy.id });
      const integ = await api(base, 'POST', `/api/v1/services/${svc.id}/integrations`, { type: 'events-v2' });
      out[i] = { serviceId: svc.id, routingKey: integ.key, phone };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return out;
}

/** Sends one Events v2 trigger; resolves with the Date.now() at which the 202 arrived. */
export async function triggerEvent(base: string, routingKey: string, dedupKey: string, summary: string): Promise<number> {
  const res = await fetch(`${base}/v2/enqueue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ routing_key: routingKey, event_action: 'trigger', dedup_key: dedupKey, payload: { summary, source: 'bench', severity: 'critical' } }),
  });
  const at = Date.now();
  await res.arrayBuffer();
  if (res.status !== 202) throw new Error(`/v2/enqueue answered ${res.status}`);
  return at;
}

/** The service's resident set size from /metrics (prom-client default metric, prefix klaxon_). */
export async function residentBytes(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = /^klaxon_process_resident_memory_bytes\s+(\d+(?:\.\d+)?(?:e\+?\d+)?)/m.exec(text);
  if (!m) throw new Error('klaxon_process_resident_memory_bytes not in /metrics');
  return Number(m[1]);
}
