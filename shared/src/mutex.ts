/**
 * A FIFO async lock. Written here rather than taken from a package because it is the dozen
 * lines below and sits on the hot path of every database call: a free lock is taken at once,
 * without a promise of its own.
 */
export class Mutex {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held = true;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // handed over: stays held
      else this.held = false;
    }
  }
}
