import { createContext, useContext } from 'react';
import type { Session } from './api/client';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; pages render only inside a session. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

export const canRespond = (s: Session) => s.role === 'admin' || s.role === 'responder';
export const isAdmin = (s: Session) => s.role === 'admin';
