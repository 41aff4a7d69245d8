import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError, Session, useCsrfToken } from './api/client';
import { closeEvents } from './live';
import { Link, navigate, useLocation } from './router';
import { SessionContext } from './session';

// Each page is its own chunk: the first screen loads only the shell and its page.
const SignIn = lazy(() => import('./pages/sign-in'));
const EmailConfirm = lazy(() => import('./pages/email-confirm'));
const Incidents = lazy(() => import('./pages/incidents'));
const IncidentPage = lazy(() => import('./pages/incident'));
const OnCall = lazy(() => import('./pages/oncall'));
const Schedules = lazy(() => import('./pages/schedules'));
const SchedulePage = lazy(() => import('./pages/schedule'));
const Policies = lazy(() => import('./pages/policies'));
const Services = lazy(() => import('./pages/services'));
const Me = lazy(() => import('./pages/me'));

function route(path: string, session: Session) {
  let m: RegExpMatchArray | null;
  if (path === '/' || path === '/incidents') return <Incidents />;
  if ((m = path.match(/^\/incidents\/(\d+)$/))) return <IncidentPage number={Number(m[1])} />;
  if (path === '/oncall') return <OnCall />;
  if (path === '/schedules') return <Schedules />;
  if ((m = path.match(/^\/schedules\/([0-9a-f-]{36})$/))) return <SchedulePage id={m[1]} />;
  if (path === '/policies') return <Policies />;
  if (path === '/services') return <Services />;
  if (path === '/me' && session.user) return <Me />;
  return (
    <p>
      Nothing here. <Link href="/incidents">Open incidents</Link>
    </p>
  );
}

const NAV: Array<[string, string]> = [
  ['/incidents', 'Incidents'],
  ['/oncall', 'On call'],
  ['/schedules', 'Schedules'],
  ['/policies', 'Policies'],
  ['/services', 'Services'],
];

export function App() {
  const { path } = useLocation();
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const s = await api.get<Session>('/api/v1/session');
      useCsrfToken(s.csrfToken);
      setSession(s);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setSession(null);
      else throw e;
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (session === undefined) return <p className="muted center">Loading…</p>;
  if (path === '/sign-in/email') {
    return (
      <Suspense fallback={null}>
        <main id="main" className="narrow">
          <EmailConfirm onSignedIn={refresh} />
        </main>
      </Suspense>
    );
  }
  if (!session) {
    return (
      <Suspense fallback={null}>
        <main id="main" className="narrow">
          <SignIn onSignedIn={refresh} />
        </main>
      </Suspense>
    );
  }

  const signOut = async () => {
    await api.delete('/api/v1/session');
    closeEvents();
    setSession(null);
    navigate('/', true);
  };
  const nav = session.user ? [...NAV, ['/me', 'Me'] as [string, string]] : NAV;
  const current = path === '/' ? '/incidents' : path;
  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/incidents" className="brand">
          Klaxon
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={current === href || current.startsWith(`${href}/`) ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="muted">{session.user ? session.user.name : `API key (${session.role})`}</span>
          <button type="button" className="small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <Suspense fallback={<p className="muted">Loading…</p>}>{route(path, session)}</Suspense>
      </main>
    </SessionContext.Provider>
  );
}
