import { FreshReads } from './fresh-read';

/** A read whose end the test decides, counting how many were started. */
function controlledReads() {
  const started: { resolve: (v: number) => void; reject: (e: unknown) => void }[] = [];
  const load = () =>
    new Promise<number>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { started, load };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshReads', () => {
  it('requests arriving during a read share the next read, begun after they arrived, never the running one', async () => {
    const reads = new FreshReads<number>();
    const { started, load } = controlledReads();

    const first = reads.read('50', load);
    expect(started).toHaveLength(1);
    // Three more arrive while the first read runs: none joins it, none starts its own.
    const later = [reads.read('50', load), reads.read('50', load), reads.read('50', load)];
    expect(started).toHaveLength(1);

    started[0].resolve(1);
    await expect(first).resolves.toBe(1);
    await tick();
    // The one next read, started after they all arrived, answers all three.
    expect(started).toHaveLength(2);
    started[1].resolve(2);
    await expect(Promise.all(later)).resolves.toEqual([2, 2, 2]);
    expect(reads.size).toBe(0);
  });

  it('keys do not wait for each other, and a failed read fails only its own requests', async () => {
    const reads = new FreshReads<number>();
    const { started, load } = controlledReads();
    const a = reads.read('50', load);
    const b = reads.read('96', load);
    expect(started).toHaveLength(2);
    const aLater = reads.read('50', load);

    started[0].reject(new Error('database away'));
    await expect(a).rejects.toThrow('database away');
    started[1].resolve(96);
    await expect(b).resolves.toBe(96);
    await tick();
    // The queued request of the failed key still gets a read of its own.
    started[2].resolve(50);
    await expect(aLater).resolves.toBe(50);
    expect(reads.size).toBe(0);
  });

  it('a request arriving when nothing runs reads at once', async () => {
    const reads = new FreshReads<number>();
    const { started, load } = controlledReads();
    const one = reads.read('x', load);
    started[0].resolve(7);
    await expect(one).resolves.toBe(7);
    await tick();
    const two = reads.read('x', load);
    expect(started).toHaveLength(2);
    started[1].resolve(8);
    await expect(two).resolves.toBe(8);
  });
});
