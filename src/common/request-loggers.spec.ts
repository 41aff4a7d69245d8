import pino, { Logger } from 'pino';
import { Writable } from 'node:stream';
import { deferRequestBindings } from './request-loggers';

/** A logger with a `req` serializer that counts its calls, writing lines (time fixed) to an array. */
function logger(level: string) {
  const lines: string[] = [];
  let serialized = 0;
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString().trim());
      done();
    },
  });
  const log = pino(
    {
      level,
      timestamp: false,
      base: null,
      redact: { paths: ['*.token'], censor: '***' },
      serializers: { req: (req: { id: number; url: string }) => (serialized++, { id: req.id, url: req.url }) },
    },
    stream,
  );
  return { log, lines, serialized: () => serialized };
}

const req = { id: 7, url: '/v2/enqueue', headers: {} };

describe('request loggers made when first used', () => {
  it('writes the same lines as an ordinary child, at the same levels', () => {
    const plain = logger('info');
    const deferred = logger('info');
    deferRequestBindings(deferred.log);
    for (const { log } of [plain, deferred]) {
      const child = log.child({ req });
      child.debug('not written');
      child.info({ auth: { token: 'secret' }, n: 1 }, 'written');
      child.child({ extra: true }).warn('from a grandchild');
      child.setBindings({ more: 'x' });
      child.error('after setBindings');
      expect(child.isLevelEnabled('debug')).toBe(false);
      expect(child.level).toBe('info');
    }
    expect(deferred.lines).toEqual(plain.lines);
    expect(deferred.lines[0]).toBe('{"level":30,"req":{"id":7,"url":"/v2/enqueue"},"auth":{"token":"***"},"n":1,"msg":"written"}');
  });

  it('serializes the request only when a line is written through it', () => {
    const { log, lines, serialized } = logger('warn');
    deferRequestBindings(log);
    const child = log.child({ req });
    child.info('off at warn');
    child.debug({ a: 1 }, 'off too');
    expect(serialized()).toBe(0);
    child.warn('on');
    child.error('on again');
    expect(serialized()).toBe(1);
    expect(lines).toEqual(['{"level":40,"req":{"id":7,"url":"/v2/enqueue"},"msg":"on"}', '{"level":50,"req":{"id":7,"url":"/v2/enqueue"},"msg":"on again"}']);
  });

  it('leaves other children as they were', () => {
    const { log, lines, serialized } = logger('info');
    deferRequestBindings(log);
    deferRequestBindings(log);
    log.child({ req, other: 1 }).info('two bindings');
    log.child({ req }, { msgPrefix: '> ' }).info('with options');
    expect(serialized()).toBe(2);
    expect(lines).toEqual([
      '{"level":30,"req":{"id":7,"url":"/v2/enqueue"},"other":1,"msg":"two bindings"}',
      '{"level":30,"req":{"id":7,"url":"/v2/enqueue"},"msg":"> with options"}',
    ]);
    expect((log.child({ x: 1 }) as Logger).bindings()).toEqual({ x: 1 });
  });
});
