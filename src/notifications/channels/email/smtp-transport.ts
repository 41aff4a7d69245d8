import nodemailer from 'nodemailer';

/** A nodemailer SMTP transport (sendMail, close). */
export type SmtpTransport = ReturnType<typeof nodemailer.createTransport>;

/** Connection, greeting and socket timeout of every SMTP transport unless a caller (a test) shortens it. */
const SMTP_TIMEOUT_MS = 10_000;

export interface SmtpTransportOptions {
  /**
   * Keep connections open and reuse them. Email pages and handoff messages
   * pool: the worker sends them in bursts, and a connection per message would
   * add a TCP, TLS and login round trip to each. Sign-in emails do not: they
   * are rare and sent one at a time by API processes, so each opens a
   * connection and closes it after its message, and no API process holds an
   * idle SMTP connection between sign-ins.
   */
  pooled: boolean;
  /** Connection, greeting and socket timeout; 10 s by default. */
  timeoutMs?: number;
}

/**
 * The one way Klaxon builds an SMTP transport (email pages, handoff messages,
 * sign-in links): `smtpUrl` is SMTP_URL (`smtp://user:pass@host:port` or
 * `smtps://...`), every wait bounded by the same timeout.
 */
export function createSmtpTransport(smtpUrl: string, { pooled, timeoutMs = SMTP_TIMEOUT_MS }: SmtpTransportOptions): SmtpTransport {
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: pooled,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}
