import type { TestApp } from '../support/test-app';

/** Row counts that prove what a request stored (or that a rejection stored nothing). */
export async function counts(t: TestApp, serviceId: string): Promise<{ incidents: number; alerts: number; timeline: number }> {
  const [row] = await t.dataSource.query(
    `SELECT
       (SELECT count(*)::int FROM incidents WHERE service_id = $1) AS incidents,
       (SELECT count(*)::int FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.service_id = $1) AS alerts,
       (SELECT count(*)::int FROM incident_timeline e JOIN incidents i ON i.id = e.incident_id WHERE i.service_id = $1) AS timeline`,
    [serviceId],
  );
  return row;
}

export async function incidentsOf(t: TestApp, serviceId: string): Promise<any[]> {
  const res = await t.api().get(`/api/v1/incidents?serviceId=${serviceId}`).expect(200);
  return res.body.items;
}

export async function incidentDetail(t: TestApp, id: string): Promise<any> {
  return (await t.api().get(`/api/v1/incidents/${id}`).expect(200)).body;
}

export function postJson(t: TestApp, url: string, body: unknown) {
  return t.http().post(url).set('Content-Type', 'application/json').send(JSON.stringify(body));
}
