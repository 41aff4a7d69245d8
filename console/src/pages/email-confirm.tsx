import { api } from '../api/client';
import { navigate } from '../router';
import { useAction } from '../use-load';
import { ErrorText } from '../ui';

/**
 * The page an emailed sign-in link opens. The sign-in happens on the button's POST,
 * never on the GET, so a mail scanner that fetches the link does not use it up.
 */
export default function EmailConfirm({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const action = useAction();
  const token = new URLSearchParams(location.search).get('token') ?? new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const confirm = async () => {
    if (await action.run(() => api.post('/api/v1/session/email-link/confirm', { token }))) {
      navigate('/incidents', true);
      await onSignedIn();
    }
  };
  return (
    <>
      <h1>Sign in to Klaxon</h1>
      {token ? (
        <button type="button" className="primary" onClick={confirm} disabled={action.busy}>
          Confirm sign-in
        </button>
      ) : (
        <p>This link has no token. Ask for a new one.</p>
      )}
      <ErrorText error={action.error} />
    </>
  );
}
