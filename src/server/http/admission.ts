/**
 * Bounded admission for expensive requests: at most `maxActive` run at once and at most
 * `maxWaiting` wait in line (first come, first served); `enter` answers null when the line is
 * full, so the caller can refuse the request (503 with Retry-After) instead of queueing without
 * bound. A request that waits has not had its body read: it stays in the socket, and TCP slows
 * the sender down.
 */
export class Admission {
  private active = 0;
  private readonly line: Array<() => void> = [];

  constructor(
    private readonly maxActive: number,
    private readonly maxWaiting: number,
  ) {}

  /** Waits for a place; resolves with the function that gives it back (once; later calls do nothing), or null when full. */
  async enter(): Promise<(() => void) | null> {
    if (this.active < this.maxActive) this.active += 1;
    else if (this.line.length >= this.maxWaiting) return null;
    else await new Promise<void>((resolve) => this.line.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The place passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.line.shift();
      if (next) next();
      else this.active -= 1;
    };
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.line.length;
  }
}
