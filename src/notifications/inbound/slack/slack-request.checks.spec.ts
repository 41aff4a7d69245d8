import { incidentButtonProblem, isFreshSlackTimestamp, parseSlackTimestamp } from './slack-request.checks';

describe('parseSlackTimestamp', () => {
  it('reads plain decimal seconds', () => {
    expect(parseSlackTimestamp('1772441000')).toBe(1772441000);
    expect(parseSlackTimestamp('1')).toBe(1);
  });

  it.each([undefined, '', '1e9', ' 123', '123 ', '0x10', '12.5', '0123', '+123', '-123', '0', '1_000', '１２３', '9999999999999'])(
    '%j is refused',
    (header) => {
      expect(parseSlackTimestamp(header)).toBeNull();
    },
  );
});

describe('isFreshSlackTimestamp', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const nowSec = now.getTime() / 1000;

  it('accepts up to five minutes either way and refuses beyond', () => {
    expect(isFreshSlackTimestamp(nowSec, now)).toBe(true);
    expect(isFreshSlackTimestamp(nowSec - 300, now)).toBe(true);
    expect(isFreshSlackTimestamp(nowSec + 300, now)).toBe(true);
    expect(isFreshSlackTimestamp(nowSec - 301, now)).toBe(false);
    expect(isFreshSlackTimestamp(nowSec + 301, now)).toBe(false);
  });
});

describe('incidentButtonProblem', () => {
  const incidentId = '0b6f7e3c-51a2-4c3e-9f8e-1d2c3b4a5f60';
  const press = (action: Record<string, unknown>, user: unknown = { id: 'U0JUDY' }) => ({
    type: 'block_actions',
    user,
    actions: [{ action_id: 'incident_ack', value: incidentId, action_ts: '1700000001.000200', ...action }],
  });

  it('accepts a press naming an incident', () => {
    expect(incidentButtonProblem(press({}))).toBeNull();
  });

  it('names a value that is not an incident id', () => {
    for (const value of ['-'.repeat(36), 'not-an-incident', undefined, 42, [incidentId]]) {
      expect(incidentButtonProblem(press({ value }))).toBe('actions[0].value is not an incident id');
    }
  });

  it('names a missing or malformed action_ts, and a missing user', () => {
    expect(incidentButtonProblem(press({ action_ts: undefined }))).toBe('actions[0].action_ts is not a Slack timestamp');
    expect(incidentButtonProblem(press({ action_ts: '1e9' }))).toBe('actions[0].action_ts is not a Slack timestamp');
    expect(incidentButtonProblem(press({}, null))).toBe('user.id is missing');
    expect(incidentButtonProblem(press({}, { id: '' }))).toBe('user.id is missing');
  });

  it('looks only at incident buttons of block_actions payloads', () => {
    expect(incidentButtonProblem(press({ action_id: 'something_else', value: 'x' }))).toBeNull();
    expect(incidentButtonProblem({ type: 'view_submission', actions: [{ action_id: 'incident_ack' }] })).toBeNull();
    expect(incidentButtonProblem({ command: '/oncall' })).toBeNull();
  });
});
