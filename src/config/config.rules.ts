import type { Env } from './config.schema';

/**
 * Rules across variables, checked after each variable is valid on its own.
 * A channel configured in part cannot page anyone: it stops the start
 * (`configProblems`). A channel that can send but whose inbound requests
 * cannot be verified starts, with a warning that says what will be refused
 * (`configWarnings`).
 */

/** Each problem names the missing variable and what needs it; empty when the configuration can work. */
export function configProblems(env: Env): string[] {
  const problems: string[] = [];
  const twilio = { TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: env.TWILIO_AUTH_TOKEN, TWILIO_FROM: env.TWILIO_FROM };
  const setTwilio = Object.entries(twilio).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (setTwilio.length) {
    for (const [name, value] of Object.entries(twilio)) {
      if (value !== undefined) continue;
      const given = `${setTwilio.join(' and ')} ${setTwilio.length > 1 ? 'are' : 'is'} set`;
      problems.push(`${name}: required when ${given} (Twilio pages need TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM)`);
    }
  }
  if (env.SMTP_URL && !env.SMTP_FROM) problems.push('SMTP_FROM: required when SMTP_URL is set (the From address of page emails)');
  if (env.SMTP_FROM && !env.SMTP_URL) problems.push('SMTP_URL: required when SMTP_FROM is set (the server that sends page emails)');
  if (env.OIDC_ISSUER_URL && !env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required when OIDC_ISSUER_URL is set (console sign-in with OpenID Connect)');
  if (env.OIDC_CLIENT_ID && !env.OIDC_ISSUER_URL) problems.push('OIDC_ISSUER_URL: required when OIDC_CLIENT_ID is set (console sign-in with OpenID Connect)');
  if (env.OIDC_ISSUER_URL && !env.PUBLIC_URL) problems.push('PUBLIC_URL: required when OIDC_ISSUER_URL is set (the address the identity provider sends people back to)');
  return problems;
}

/** What a configuration that starts will refuse, one sentence each; empty when nothing is refused. */
export function configWarnings(env: Env): string[] {
  const warnings: string[] = [];
  if (env.TWILIO_ACCOUNT_SID && !env.PUBLIC_URL) {
    warnings.push(
      'PUBLIC_URL is not set: SMS pages go out, but voice pages are skipped (a call fetches what it says from PUBLIC_URL), ' +
        'SMS replies are refused (their Twilio signature cannot be verified) and no delivery status is received',
    );
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET) {
    warnings.push('SLACK_SIGNING_SECRET is not set: Slack messages go out, but button presses and /oncall are refused (401)');
  }
  return warnings;
}
