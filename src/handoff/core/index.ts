/** The pure core of handoff notifications: edges of a user's final on-call time, the shift diff, the message texts. */
export * from './on-call-intervals';
export * from './shift-diff';
export * from './handoff-text';
export * from './timer-plan';
