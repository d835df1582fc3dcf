import { GroupCommit, type GroupOutcome } from './group-commit';

describe('GroupCommit', () => {
  it('commits what is submitted in one turn of the loop with one call, each settling with its outcome', async () => {
    const calls: number[][] = [];
    const group = new GroupCommit<number, number>((items) => {
      calls.push(items);
      return items.map((n): GroupOutcome<number> =>
        n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 10 },
      );
    });
    const outcomes = await Promise.allSettled([1, -2, 3].map((n) => group.submit(n)));
    expect(calls).toEqual([[1, -2, 3]]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('refused -2') },
      { status: 'fulfilled', value: 30 },
    ]);
  });

  it('settles nothing before the commit has returned', async () => {
    let committed = false;
    const group = new GroupCommit<number, boolean>((items) =>
      items.map(() => ({ ok: true, value: (committed = true) })),
    );
    const pending = group.submit(1);
    await Promise.resolve();
    expect(committed).toBe(false);
    expect(await pending).toBe(true);
  });

  it('fails every item of a group whose commit throws, and commits the next group anew', async () => {
    let fail = true;
    const group = new GroupCommit<number, number>((items) => {
      if (fail) throw new Error('disk full');
      return items.map((n) => ({ ok: true, value: n }));
    });
    const failed = await Promise.allSettled([group.submit(1), group.submit(2)]);
    expect(failed.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await group.submit(3)).toBe(3);
  });

  it('flush commits what waits at once, and a flush with nothing waiting does nothing', async () => {
    const calls: number[][] = [];
    const group = new GroupCommit<number, number>((items) => {
      calls.push(items);
      return items.map((n) => ({ ok: true, value: n }));
    });
    group.flush();
    const pending = group.submit(7);
    group.flush();
    expect(calls).toEqual([[7]]);
    expect(await pending).toBe(7);
    expect(calls).toEqual([[7]]);
  });
});
