/**
 * The NOTIFY channel workers LISTEN on. A transaction that leaves work for
 * them (a new incident to claim, a page to send) notifies it; PostgreSQL
 * delivers the notification at commit, so a worker never wakes for work it
 * cannot see yet.
 */
export const WORK_CHANNEL = 'klaxon_work';
