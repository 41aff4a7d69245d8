/** A sleep that a NOTIFY can cut short; a poke that arrives while awake is not lost. */
export class Waker {
  private woken = false;
  private wake: (() => void) | null = null;

  reset(): void {
    this.woken = false;
  }

  poke(): void {
    this.woken = true;
    this.wake?.();
  }

  sleep(ms: number): Promise<void> {
    if (this.woken || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }
}
