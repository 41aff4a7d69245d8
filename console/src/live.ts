import { useEffect, useRef } from 'react';

/** What `GET /api/v1/events` pushes when an incident changes anywhere (API, SMS, Slack, a worker). */
export interface IncidentEvent {
  id: string;
  number: number;
  status: string;
  level: number;
  updatedAt: string;
}

/** An incident event, or null: "reload what you show" (the stream reopened after a gap, or the server said `resync`). */
type Listener = (e: IncidentEvent | null) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

function connect(): void {
  if (source) return;
  source = new EventSource('/api/v1/events');
  let opened = false;
  source.addEventListener('incident', (msg) => {
    const event = JSON.parse((msg as MessageEvent<string>).data) as IncidentEvent;
    listeners.forEach((l) => l(event));
  });
  // `ready` starts every stream; after the first, changes may have been missed while it was closed.
  source.addEventListener('ready', () => {
    if (opened) listeners.forEach((l) => l(null));
    opened = true;
  });
  source.addEventListener('resync', () => listeners.forEach((l) => l(null)));
  // The browser reconnects by itself after a network error; a closed source (401) is reopened on the next subscription.
  source.addEventListener('error', () => {
    if (source?.readyState === EventSource.CLOSED) source = null;
  });
}

/** One pushed connection per tab, shared by every page that listens. */
export function useIncidentEvents(onEvent: Listener): void {
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => {
    const l: Listener = (e) => ref.current(e);
    listeners.add(l);
    connect();
    return () => {
      listeners.delete(l);
    };
  }, []);
}

export function closeEvents(): void {
  source?.close();
  source = null;
}
