import { parseSmsReply } from './sms-reply.parser';

describe('parseSmsReply', () => {
  it.each([
    ['ack 42', { kind: 'action', action: 'acknowledge', incidentNumber: 42 }],
    ['  ACK   #42. ', { kind: 'action', action: 'acknowledge', incidentNumber: 42 }],
    ['resolve 7', { kind: 'action', action: 'resolve', incidentNumber: 7 }],
    ['escalate 9', { kind: 'action', action: 'escalate', incidentNumber: 9 }],
    ['ack', { kind: 'action', action: 'acknowledge' }],
    ['Resolve', { kind: 'action', action: 'resolve' }],
    ['STOP', { kind: 'stop' }],
    ['unsubscribe', { kind: 'stop' }],
    ['Start', { kind: 'start' }],
  ])('%j', (body, expected) => {
    expect(parseSmsReply(body)).toEqual(expected);
  });

  it.each(['', 'hello', 'ack forty', 'escalate', 'ack 42 now', 'stop it'])('%j is unknown', (body) => {
    expect(parseSmsReply(body)).toEqual({ kind: 'unknown' });
  });
});
