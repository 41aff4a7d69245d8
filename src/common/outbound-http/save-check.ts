import { blockedReason, checkWebhookUrl } from './address-policy';
import type { Resolver } from './http-sender';

/**
 * The check at save: the URL's rules, then, for a DNS name, every address it
 * resolves to now. A name that does not resolve yet is accepted (the check
 * runs again at each send).
 */
export async function checkBeforeSave(url: string, allowPrivate: boolean, resolve: Resolver): Promise<string | null> {
  const checked = checkWebhookUrl(url, allowPrivate);
  if (!checked.ok) return checked.reason;
  if (allowPrivate || checked.literal !== null) return null;
  let answers: { address: string }[];
  try {
    answers = await resolve(checked.hostname.replace(/\.$/, ''));
  } catch {
    return null;
  }
  for (const a of answers) {
    const reason = blockedReason(a.address);
    if (reason) return `resolves to a ${reason} address (${a.address}); set KLAXON_WEBHOOK_ALLOW_PRIVATE=true to allow it`;
  }
  return null;
}
