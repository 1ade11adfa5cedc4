/**
 * A FIFO async lock. Written here rather than taken from a package because it is the dozen
 * lines below and sits on the hot path of every database call.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => {
      let released = false;
      return () => {
        if (!released) (released = true), release();
      };
    });
    this.tail = this.tail.then(() => next);
    return ready;
  }
}
