import { createService } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const keyset = (t: unknown, id: unknown) => b64(JSON.stringify({ t, id }));
const UUID = '0190a9f4-2b7c-7c3e-8000-000000000001';

/** Cursors a client might send by mistake or on purpose; each once reached PostgreSQL and came back as a 500. */
const BAD_CURSORS: [string, string][] = [
  ['an id that is not a uuid', keyset('2026-03-01T10:00:00.000Z', 'not-a-uuid')],
  ['an id with SQL in it', keyset('2026-03-01T10:00:00.000Z', "x' OR '1'='1")],
  ['a year before the database’s range', keyset('-271821-04-20T00:00:00.000Z', UUID)],
  ['the last instant JavaScript knows', keyset('+275760-09-13T00:00:00.000Z', UUID)],
  ['a date that is not ISO-8601', keyset('Tue, 03 Mar 2026 10:00:00 GMT', UUID)],
  ['a bare number as the date', keyset('1', UUID)],
  ['JSON that is not an object', b64('[1,2]')],
  ['not JSON at all', 'bm90IGpzb24'],
  ['an audit-style cursor on a keyset list', b64('a:12')],
];

const LISTS = ['users', 'teams', 'schedules', 'services', 'escalation-policies', 'incidents'];

describe('malformed input answered with 400 naming the problem, not 500 (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe.each(LISTS)('GET /api/v1/%s?cursor=', (list) => {
    it.each(BAD_CURSORS)('%s -> 400 naming cursor', async (_, cursor) => {
      const res = await t.api('readOnly').get(`/api/v1/${list}?cursor=${cursor}`).expect(400);
      expect(res.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    });

    it('a cursor the API returned still pages', async () => {
      await t.api().get(`/api/v1/${list}?cursor=${keyset('2026-03-01T10:00:00.000Z', UUID)}`).expect(200);
    });
  });

  it.each<[string, string]>([
    ['a seq beyond bigint', b64('a:99999999999999999999')],
    ['a negative seq', b64('a:-1')],
    ['a keyset cursor', keyset('2026-03-01T10:00:00.000Z', UUID)],
    ['not base64 of anything', '%00%ff'],
  ])('GET /api/v1/audit-log?cursor= with %s -> 400 naming cursor', async (_, cursor) => {
    const res = await t.api('readOnly').get(`/api/v1/audit-log?cursor=${cursor}`).expect(400);
    expect(res.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  describe('a Grafana integration', () => {
    it.each(['signatureHeader', 'timestampHeader'])('with %s but no signingSecret is refused, naming the field', async (field) => {
      const service = await createService(t);
      const res = await t.api().post(`/api/v1/services/${service.id}/integrations`, { type: 'grafana', [field]: 'X-Signature' }).expect(400);
      expect(res.body.errors).toEqual([{ field, message: expect.stringContaining('signingSecret') }]);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM integrations WHERE service_id = $1`, [service.id]);
      expect(count).toBe(0);
    });

    it('with a secret and a header is created signed', async () => {
      const service = await createService(t);
      const res = await t
        .api()
        .post(`/api/v1/services/${service.id}/integrations`, { type: 'grafana', signingSecret: 'grafana-secret-1', signatureHeader: 'X-Signature' })
        .expect(201);
      expect(res.body).toMatchObject({ signed: true, signatureHeader: 'X-Signature' });
    });
  });
});
