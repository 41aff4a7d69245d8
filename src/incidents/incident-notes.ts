import type { ActionChannelName, ActorType } from './incident-timeline-entry.entity';

/**
 * A note on an incident (docs/direct-paging.md): kept as a `note` entry of
 * the incident's timeline (its id is the entry's id, its text in `data.text`),
 * so notes need no table of their own and are exported and retained with the
 * timeline.
 */
export interface IncidentNote {
  id: string;
  incidentId: string;
  text: string;
  author: { type: ActorType; id: string | null; name: string | null };
  channel: ActionChannelName;
  createdAt: Date;
}

/** The timeline entry type of a note. */
export const NOTE_ENTRY_TYPE = 'note';

/** The longest note, after trimming. */
export const MAX_NOTE_LENGTH = 4000;

/** Notes listed with an incident: the most recent ones, oldest first. */
export const MAX_LISTED_NOTES = 500;
