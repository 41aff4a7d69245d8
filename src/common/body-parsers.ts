import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'fast-querystring';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { deepBodyProblem, wellFormedBody, wellFormedJsonBody } from './body-guards';
import { BodyRequest, MAX_BODY_BYTES } from './request-body';

/**
 * The app's content-type parsers, on Fastify. Each reads the whole body (up to
 * the largest limit of any route, decompressed when it is gzip, deflate or br),
 * keeps the exact bytes on the request for signature checks (`rawBody`), and
 * never answers by itself: a problem (malformed JSON, too large, nested too
 * deep, an unsupported charset or encoding) is kept on the request as
 * `bodyError` for BodyGuard to raise once the route, and so its limit and
 * error shape, is known (request-body.ts). The errors carry the `status` and
 * `type` the Express body parser gave them, so every route answers as before.
 *
 * - JSON (`application/json`, `application/*+json`): strict (an object or an
 *   array), a UTF-8 BOM skipped, nesting capped (body-guards.ts), lone
 *   surrogates replaced with U+FFFD; any `utf-*` charset.
 * - Forms (`application/x-www-form-urlencoded`): fast-querystring, the parser
 *   of @fastify/formbody, so a repeated key becomes an array (Twilio's forms
 *   rely on it: twilio-form.pipe.ts); UTF-8 or ISO-8859-1.
 * - Anything else is left unread: the body is undefined, and each route
 *   decides (webhooks answer 415, heartbeats accept it).
 */
/** A `+json` media type (`application/vnd.x+json`), whatever its parameters. */
const JSON_SUFFIX_TYPE = /^application\/[^\s;/]+\+json\s*(;|$)/i;

/** Whether a Content-Type is one these parsers read as JSON: `application/json` or `application/*+json`, whatever its parameters. */
export function isJsonContentType(contentType: string): boolean {
  const type = contentType.trim();
  return /^application\/json\s*(;|$)/i.test(type) || JSON_SUFFIX_TYPE.test(type);
}

export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  for (const type of ['application/json', JSON_SUFFIX_TYPE]) {
    fastify.addContentTypeParser(type, (req: FastifyRequest, payload: IncomingMessage) => parseInto(req, payload, parseJson));
  }
  fastify.addContentTypeParser('application/x-www-form-urlencoded', (req: FastifyRequest, payload: IncomingMessage) =>
    parseInto(req, payload, parseForm),
  );
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
}

type Parse = (raw: Buffer, charset: string | undefined) => unknown;

/** Resolves to the parsed body, or to undefined with the problem kept on the request. */
async function parseInto(request: FastifyRequest, payload: Readable, parse: Parse): Promise<unknown> {
  const req = request as FastifyRequest & BodyRequest;
  try {
    req.rawBody = await readBody(request.headers, payload, MAX_BODY_BYTES);
    return parse(req.rawBody, charsetOf(request.headers['content-type']));
  } catch (err) {
    req.bodyError = err;
    return undefined;
  }
}

function bodyError(status: number, type: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { status, type, ...extra });
}

function parseJson(raw: Buffer, charset = 'utf-8'): unknown {
  if (!charset.startsWith('utf-')) throw unsupportedCharset(charset);
  const text = decode(raw, charset);
  // An empty body is {} (as the Express parser had it); the webhooks refuse it themselves.
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.)/s.exec(text)?.[1];
  let body: unknown;
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('JSON body must be an object or an array');
    body = JSON.parse(text);
  } catch (err) {
    throw Object.assign(err as Error, { status: 400, type: 'entity.parse.failed' });
  }
  const deep = deepBodyProblem(body);
  if (deep) throw deep;
  return wellFormedJsonBody(body, text);
}

/** More fields than any form Klaxon takes (the Express parser's limit). */
const MAX_FORM_PARAMETERS = 1000;

function parseForm(raw: Buffer, charset = 'utf-8'): unknown {
  if (charset !== 'utf-8' && charset !== 'iso-8859-1') throw unsupportedCharset(charset);
  const text = decode(raw, charset);
  let fields = 1;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (++fields > MAX_FORM_PARAMETERS) throw bodyError(413, 'parameters.too.many', 'too many parameters');
  }
  return wellFormedBody(parseQueryString(text));
}

function unsupportedCharset(charset: string): Error {
  return bodyError(415, 'charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`, { charset });
}

const UTF8 = new TextDecoder('utf-8');

/** Text of a body in its charset; a BOM is dropped, bytes that are not text become U+FFFD. */
function decode(raw: Buffer, charset: string): string {
  if (charset === 'utf-8') return UTF8.decode(raw);
  try {
    return new TextDecoder(charset).decode(raw);
  } catch {
    throw unsupportedCharset(charset);
  }
}

/** The `charset` parameter of a Content-Type, lower-cased, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const value = match?.[1] ?? match?.[2];
  return value ? value.toLowerCase() : undefined;
}

function decompressor(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Reads a whole body, decompressed, of at most `limitBytes`. On any problem the
 * rest of the request is read off before the promise rejects, so the answer
 * goes out on a connection in a known state (as the Express parser did).
 */
function readBody(headers: IncomingHttpHeaders, payload: Readable, limitBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    let inflate: Transform | null = null;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      if (inflate) {
        payload.unpipe(inflate);
        inflate.destroy();
      }
      drain(payload, () => reject(err));
    };

    const encoding = String(headers['content-encoding'] ?? 'identity').toLowerCase();
    const declared = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
    if (encoding === 'identity') {
      if (declared !== undefined && declared > limitBytes) return fail(tooLarge(limitBytes));
    } else {
      inflate = decompressor(encoding);
      if (!inflate) return fail(bodyError(415, 'encoding.unsupported', `unsupported content encoding "${encoding}"`));
      payload.pipe(inflate);
    }
    const stream: Readable = inflate ?? payload;

    const chunks: Buffer[] = [];
    let received = 0;
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limitBytes) fail(tooLarge(limitBytes));
      else chunks.push(chunk);
    });
    stream.on('error', (err: Error) => fail(bodyError(400, 'body.unreadable', err.message)));
    payload.on('close', () => {
      if (!payload.readableEnded) fail(bodyError(400, 'request.aborted', 'request aborted'));
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      const body = Buffer.concat(chunks, received);
      if (encoding === 'identity' && declared !== undefined && body.length !== declared) {
        reject(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
      } else {
        resolve(body);
      }
    });
  });
}

function tooLarge(limitBytes: number): Error {
  return bodyError(413, 'entity.too.large', 'request entity too large', { limit: limitBytes });
}

function drain(payload: Readable, then: () => void): void {
  if (payload.readableEnded || payload.destroyed) return then();
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    then();
  };
  payload.on('end', once);
  payload.on('close', once);
  payload.on('error', once);
  payload.resume();
}
