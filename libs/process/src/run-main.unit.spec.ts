import { guardProcess } from './run-main';

describe('the process guard', () => {
  it('logs an error no caller awaited instead of ending the process', () => {
    const before = {
      uncaught: process.listeners('uncaughtException'),
      rejection: process.listeners('unhandledRejection'),
    };
    const logged: string[] = [];
    guardProcess({ error: (message: string) => logged.push(message) });
    const added = {
      uncaught: process.listeners('uncaughtException').filter((l) => !before.uncaught.includes(l)),
      rejection: process
        .listeners('unhandledRejection')
        .filter((l) => !before.rejection.includes(l)),
    };
    try {
      expect(added.uncaught).toHaveLength(1);
      expect(added.rejection).toHaveLength(1);
      added.uncaught[0](new Error('sampling failed: EMFILE'), 'uncaughtException');
      added.rejection[0](new Error('poll failed'), Promise.resolve());
      expect(logged).toEqual([
        'uncaught error, the process goes on: sampling failed: EMFILE',
        'unhandled rejection, the process goes on: poll failed',
      ]);
      guardProcess({ error: (message: string) => logged.push(message) });
      expect(process.listeners('uncaughtException')).toHaveLength(before.uncaught.length + 1);
    } finally {
      added.uncaught.forEach((l) => process.off('uncaughtException', l));
      added.rejection.forEach((l) => process.off('unhandledRejection', l));
    }
  });
});
