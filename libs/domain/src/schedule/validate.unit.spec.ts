import { decideResource } from '../resources/lifecycle/commands';
import { evolveResource, initialResourceState } from '../resources/lifecycle/state';
import { validateScheduleConfig } from './validate';

const config = { schedule_format: 'English', schedule: '', schedule_timezone: '' };

describe('validateScheduleConfig (Procedure and Action writes)', () => {
  it.each([
    [{ schedule: 'every day at 4:00 pm' }, []],
    [{ schedule_format: 'Cron', schedule: '0 0 4 * * *' }, []],
    [{ schedule_timezone: 'Europe/Berlin' }, []],
    [{ schedule: '' }, []],
  ])('accepts %j', (changed, problems) => {
    expect(validateScheduleConfig(changed, { ...config, ...changed })).toEqual(problems);
  });

  it('names schedule for a bad expression, with the six-field form of a five-field cron', () => {
    const changed = { schedule_format: 'Cron', schedule: '*/5 * * * *' };
    expect(validateScheduleConfig(changed, { ...config, ...changed })).toEqual([
      { field: 'schedule', message: expect.stringContaining("add the seconds: '0 */5 * * * *'") },
    ]);
  });

  it('checks the whole schedule when only the format changes', () => {
    const whole = { ...config, schedule: 'every day at noon', schedule_format: 'Cron' };
    expect(validateScheduleConfig({ schedule_format: 'Cron' }, whole)).toEqual([
      { field: 'schedule', message: expect.stringMatching(/^schedule: .*six fields/) },
    ]);
  });

  it('names schedule_timezone for an unknown zone', () => {
    const changed = { schedule_timezone: 'Moon/Base' };
    expect(validateScheduleConfig(changed, { ...config, ...changed })).toEqual([
      { field: 'schedule_timezone', message: expect.stringContaining("'Moon/Base'") },
    ]);
  });

  it('leaves a write that touches no schedule field alone', () => {
    expect(validateScheduleConfig({ stages: [] }, { ...config, schedule: 'nonsense' })).toEqual([]);
  });
});

describe('a Procedure write with a bad schedule', () => {
  const create = (config: Record<string, unknown>) =>
    decideResource('Procedure', initialResourceState(), {
      type: 'Create',
      id: 'p1',
      name: 'nightly',
      config,
    });

  it('is refused on Create naming config.schedule', () => {
    expect(() => create({ schedule_format: 'Cron', schedule: '*/5 * * * *' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: {
          errors: [
            { field: 'config.schedule', message: expect.stringContaining("'0 */5 * * * *'") },
          ],
        },
      }),
    );
  });

  it('is refused on an Update that changes only the format', () => {
    const state = evolveResource(
      initialResourceState(),
      create({ schedule: 'every day at noon' })[0],
    );
    expect(() =>
      decideResource('Procedure', state, {
        type: 'UpdateConfig',
        config: { schedule_format: 'Cron' },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(/^schedule: /),
      }),
    );
  });
});
