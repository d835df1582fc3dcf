import { englishToCron } from './english';

describe('englishToCron (Komodo English schedules as six-field cron)', () => {
  it.each([
    // seconds
    ['every second', '* * * * * *'],
    ['every 15 seconds', '*/15 * * * * *'],
    ['Every 2 seconds, only on thursday', '*/2 * * * * 4'],
    [
      'Run every 10 seconds Monday through thursday between 6:00 am and 8:00 pm',
      '*/10 * 6-20 * * 1-4',
    ],
    // minutes
    ['run every minute', '0 * * * * *'],
    ['Run every 15 minutes', '0 */15 * * * *'],
    ['every 2 minutes on Thursday', '0 */2 * * * 4'],
    ['Run every 10 minutes Monday through Friday', '0 */10 * * * 1-5'],
    [
      'Run every 5 minutes Monday through Thursday between 6:00 am and 9:00 am',
      '0 */5 6-9 * * 1-4',
    ],
    // hours
    ['Run every 3 hours', '0 0 */3 * * *'],
    ['Run every hour only on weekends', '0 0 * * * 6,0'],
    ['hourly', '0 0 * * * *'],
    // days
    ['Run every day', '0 0 0 * * *'],
    ['daily', '0 0 0 * * *'],
    ['Run every 4 days', '0 0 0 */4 * *'],
    ['every day at 4:00 pm', '0 0 16 * * *'],
    ['Every day at 03:00', '0 0 3 * * *'],
    ['every 5 day at 4:30 pm', '0 30 16 */5 * *'],
    ['every 5 day at 4:30 pm only in September', '0 30 16 */5 9 *'],
    ['every 5 day at 4:30 pm Monday through Thursday', '0 30 16 * * 1-4'],
    ['Run every day from January to March', '0 0 0 * 1-3 *'],
    ['Run every 3 days at noon', '0 0 12 */3 * *'],
    ['Run every 2nd day of the month', '0 0 0 2 * *'],
    ['on weekdays at 9am', '0 0 9 * * 1-5'],
    ['every weekend at 10:30', '0 30 10 * * 6,0'],
    ['every friday through monday at 23:00', '0 0 23 * * 5-6,0-1'],
    ['every week', '0 0 0 * * 0'],
    ['every month', '0 0 0 1 * *'],
    // times
    ['Run at 10:00 am', '0 0 10 * * *'],
    ['Run at 12:15 pm', '0 15 12 * * *'],
    ['at 12:05 am', '0 5 0 * * *'],
    ['Run at 6:00 pm every Monday through Friday', '0 0 18 * * 1-5'],
    ['Run at noon every Sunday', '0 0 12 * * 0'],
    ['at midnight', '0 0 0 * * *'],
    ['Run at midnight on the 1st and 15th of the month', '0 0 0 1,15 * *'],
    ['midnight on Tuesdays', '0 0 0 * * 2'],
    ['Run at 5:15am every Tuesday', '0 15 5 * * 2'],
    ['7pm every Thursday', '0 0 19 * * 4'],
    ['On Sunday at 12:00', '0 0 12 * * 0'],
    ['every monday and wednesday at 8:00 am', '0 0 8 * * 1,3'],
  ])('%s → %s', (english, cron) => {
    expect(englishToCron(english)).toEqual({ cron });
  });

  it.each([
    ['', /empty/],
    ['every fortnight', /'fortnight'/],
    ['every 0 minutes', /1 to 59/],
    ['every 90 seconds', /1 to 59/],
    ['at 13:00 pm', /1 to 12/],
    ['at 25:00', /not a time of day/],
    ['on the 32nd', /1st to 31st/],
    ['between 8:00 pm and 6:00 am', /after the first/],
    ['every day at half past four', /'half'/],
  ])('%s is a problem naming what is wrong', (english, why) => {
    const result = englishToCron(english);
    expect('problem' in result && result.problem).toMatch(why);
  });
});
