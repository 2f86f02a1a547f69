/**
 * One database read shared by the requests that asked for the same thing while it was under way,
 * without ever giving a request an answer older than the request itself.
 *
 * A kept answer still costs a small read per request (the room counter it stands against, or the
 * unit with its counter): under load that read is what the request costs. Requests that arrive
 * while a read for their key runs do not join it (it began before they did, and may miss a change
 * committed just before they arrived); they wait for the next read, which starts as soon as the
 * running one ends and serves all of them. Every answer therefore comes from a read begun after its
 * request arrived, as if each request had read on its own; under load one read serves many.
 */
export class FreshReads<V> {
  private readonly lines = new Map<string, { running?: Promise<V>; queued?: Promise<V> }>();

  read(key: string, load: () => Promise<V>): Promise<V> {
    let line = this.lines.get(key);
    if (!line) {
      line = {};
      this.lines.set(key, line);
    }
    const running = line.running;
    if (!running) return this.start(key, line, load);
    const current = line;
    current.queued ??= running.then(settled, settled).then(() => {
      current.queued = undefined;
      return this.start(key, current, load);
    });
    return current.queued;
  }

  /** Reads under way or waiting (for tests and metrics). */
  get size(): number {
    return this.lines.size;
  }

  private start(key: string, line: { running?: Promise<V>; queued?: Promise<V> }, load: () => Promise<V>): Promise<V> {
    const running = load();
    line.running = running;
    const done = () => {
      if (line.running === running) line.running = undefined;
      if (!line.running && !line.queued && this.lines.get(key) === line) this.lines.delete(key);
    };
    running.then(done, done);
    return running;
  }
}

const settled = () => undefined;
