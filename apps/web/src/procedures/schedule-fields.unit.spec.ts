import { changedScheduleFields, scheduleFieldsOf } from './schedule-fields';

describe('the Schedule tab fields', () => {
  it("reads a config's schedule fields, Komodo's defaults for those missing", () => {
    expect(scheduleFieldsOf({ schedule: 'every day at 3:00 am', stages: [] })).toEqual({
      schedule_format: 'English',
      schedule: 'every day at 3:00 am',
      schedule_timezone: '',
      schedule_enabled: true,
      schedule_alert: true,
    });
  });

  it('saves only what was changed', () => {
    const saved = scheduleFieldsOf({ schedule_format: 'Cron', schedule: '0 0 3 * * *' });
    expect(changedScheduleFields(saved, saved)).toEqual({});
    expect(
      changedScheduleFields(saved, { ...saved, schedule_enabled: false, schedule_timezone: 'UTC' }),
    ).toEqual({ schedule_enabled: false, schedule_timezone: 'UTC' });
  });
});
