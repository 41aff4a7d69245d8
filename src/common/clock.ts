import { Injectable } from '@nestjs/common';

/**
 * The only source of "now" for domain code. Services take a Clock in their
 * constructor; pure functions take `now` as a parameter. Tests bind a FakeClock
 * (test/support/fake-clock.ts) and travel in time without sleeping.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
