import { createSmtpTransport, SmtpTransport } from '../notifications/channels/email/smtp-transport';

/** The email that carries a sign-in link: plain text and HTML, both saying what to do and what not to. */
export function signInEmail(link: string, validMinutes: number): { subject: string; text: string; html: string } {
  const text = [
    'Someone (hopefully you) asked to sign in to Klaxon with this email address.',
    '',
    `Open this link and press Confirm to sign in (valid ${validMinutes} minutes, once):`,
    link,
    '',
    'If you did not ask, ignore this email: nobody is signed in until the Confirm button is pressed.',
  ].join('\n');
  const escaped = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html =
    `<p>Someone (hopefully you) asked to sign in to Klaxon with this email address.</p>` +
    `<p><a href="${escaped}">Sign in to Klaxon</a> (then press Confirm; valid ${validMinutes} minutes, once)</p>` +
    `<p>If you did not ask, ignore this email: nobody is signed in until the Confirm button is pressed.</p>`;
  return { subject: 'Sign in to Klaxon', text, html };
}

/** Sends sign-in emails through the same SMTP server as email pages (SMTP_URL, SMTP_FROM). */
export class SignInMailer {
  private readonly transporter: SmtpTransport | null;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string | undefined,
  ) {
    // Not pooled: sign-ins are rare, so each mail opens and closes its own connection (smtp-transport.ts).
    this.transporter = smtpUrl && from ? createSmtpTransport(smtpUrl, { pooled: false }) : null;
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  async send(to: string, mail: { subject: string; text: string; html: string }): Promise<void> {
    if (!this.transporter || !this.from) throw new Error('SMTP is not configured');
    await this.transporter.sendMail({ from: this.from, to, ...mail });
  }

  close(): void {
    this.transporter?.close();
  }
}
