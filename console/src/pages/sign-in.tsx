import { FormEvent, useEffect, useState } from 'react';
import { api, SignInProviders as Providers } from '../api/client';
import { useAction } from '../use-load';
import { ErrorText } from '../ui';

/** Sign-in: single sign-on (OIDC), an emailed link, or an admin API key to bootstrap. */
export default function SignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [providers, setProviders] = useState<Providers | null>(null);
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();
  useEffect(() => {
    api.get<Providers>('/api/v1/session/providers').then(setProviders, () => setProviders({ oidc: false, emailLink: false, apiKey: true }));
  }, []);
  const returnTo = location.pathname === '/' ? '/incidents' : location.pathname + location.search;

  const withKey = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.post('/api/v1/session/api-key', { key: key.trim() }))) await onSignedIn();
  };
  const withEmail = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => api.post('/api/v1/session/email-link', { email: email.trim() }))) setSent(true);
  };

  return (
    <>
      <h1>Sign in to Klaxon</h1>
      {!providers && <p className="muted">Loading…</p>}
      {providers?.oidc && (
        <p>
          <a className="button primary" href={`/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`}>
            Sign in with single sign-on
          </a>
        </p>
      )}
      {providers?.emailLink && (
        <form onSubmit={withEmail} className="card">
          <h2>Email me a sign-in link</h2>
          <label>
            Email
            <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <button type="submit" disabled={action.busy}>
            Send link
          </button>
          {sent && <p role="status">Check your inbox: the link works once, for 15 minutes.</p>}
        </form>
      )}
      {providers?.apiKey && (
        <form onSubmit={withKey} className="card">
          <h2>Admin API key</h2>
          <p className="muted">For the first sign-in, before single sign-on or email is set up. The key is not stored in the browser.</p>
          <label>
            API key
            <input type="password" autoComplete="off" required value={key} onChange={(e) => setKey(e.target.value)} placeholder="klx_…" />
          </label>
          <button type="submit" className="primary" disabled={action.busy}>
            Sign in
          </button>
        </form>
      )}
      <ErrorText error={action.error} />
    </>
  );
}
