import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { freePort } from '../../src/database/embedded-postgres';
import { SessionsService } from '../../src/sessions/sessions.service';
import { FakeTwilioServer } from '../fakes/fake-twilio.server';
import { SmtpCaptureServer } from '../fakes/smtp-capture.server';
import { FakeClock } from '../support/fake-clock';
import { createTestApp, TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureChromium } = require('../../scripts/ensure-chromium') as { ensureChromium: () => string };

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'console');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const TWILIO_FROM = '+15550108888';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** The system time: the browser reads the real clock, so the server must too (a frozen one would disagree about who is on call now). */
class RunningClock extends FakeClock {
  override now(): Date {
    return new Date();
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * One real Klaxon (the whole app, listening on a loopback port, serving the built
 * console at `/`) on this test file's own database, a fake Twilio, a fake SMTP
 * server (email sign-in links), and one
 * headless Chromium (Debian's, through playwright-core) shared by the file's tests.
 * The app's clock is the real one, as the browser's is.
 */
export class ConsoleHarness {
  t!: TestApp;
  twilio = new FakeTwilioServer();
  smtp = new SmtpCaptureServer();
  baseUrl = '';
  twilioUrl = '';
  browser!: Browser;
  private contexts: BrowserContext[] = [];

  async start(env: Record<string, string> = {}): Promise<void> {
    const executablePath = ensureChromium();
    const [twilioUrl, smtpUrl] = await Promise.all([this.twilio.start(), this.smtp.start()]);
    this.twilioUrl = twilioUrl;
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.t = await createTestApp({
      clock: new RunningClock(),
      env: {
        PUBLIC_URL: this.baseUrl,
        TWILIO_ACCOUNT_SID: this.twilio.accountSid,
        TWILIO_AUTH_TOKEN: this.twilio.authToken,
        TWILIO_FROM,
        TWILIO_API_URL: twilioUrl,
        SMTP_URL: smtpUrl,
        SMTP_FROM: 'klaxon@example.test',
        ...env,
      },
    });
    await this.t.app.listen(port, '127.0.0.1');
    this.browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }

  async stop(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
    await this.browser?.close();
    await this.t?.close();
    await Promise.all([this.twilio.stop(), this.smtp.stop()]);
  }

  /** A fresh browser context (its own cookies) at a viewport, light or dark. */
  async page(viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await this.browser.newContext({ viewport, colorScheme, baseURL: this.baseUrl });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  /** Signs in through the sign-in page with the admin API key (the bootstrap path). */
  async signInWithKey(page: Page, key = this.t.keys.admin): Promise<void> {
    await page.goto('/incidents');
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
  }

  /**
   * A person's session (with this role) in the page's browser context, opened the way a finished
   * sign-in opens it (the sign-in flows themselves have their own tests).
   */
  async signInAsUser(page: Page, user: { id: string; name: string }, role: 'admin' | 'responder' | 'read-only' = 'responder'): Promise<void> {
    await this.t.api().patch(`/api/v1/users/${user.id}`, { role }).expect(200);
    const { cookie } = await this.t.get(SessionsService).openForUser({ ...user, role }, 'email-link');
    const [name, value] = cookie.split(';')[0].split('=');
    await page.context().addCookies([{ name, value, url: this.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  }

  /** axe-core on the page as it is: the serious and critical violations. */
  async axe(page: Page): Promise<AxeViolation[]> {
    await page.addScriptTag({ content: AXE_SOURCE });
    // A string, run in the page (whose globals this Node-typed file does not know).
    const violations = await page.evaluate<AxeViolation[]>(`axe.run({ resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  async scrollWidth(page: Page): Promise<number> {
    return page.evaluate<number>('document.documentElement.scrollWidth');
  }

  async screenshot(page: Page, name: string): Promise<string> {
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }
}
