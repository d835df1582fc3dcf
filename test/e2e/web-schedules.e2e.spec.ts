import { screenshot } from '../support/browser';
import { sharedWebSession } from '../support/web-session';

/*
 * The Schedule tab of the Procedure and Action pages in Debian's Chromium against a real
 * embedded Monitor: a schedule written, refused with the gateway's reason, saved, its next run
 * shown from ListSchedules; switched off.
 */

const SLOW = 60_000;

interface Created {
  _id: { $oid: string };
}

interface ScheduleConfig {
  config: {
    schedule_format: string;
    schedule: string;
    schedule_timezone: string;
    schedule_enabled: boolean;
  };
}

describe('web UI: the Schedule tab', () => {
  const web = sharedWebSession();
  const button = (name: string) => web.page.getByRole('button', { name, exact: true });
  const tab = (name: string) => web.page.getByRole('tab', { name, exact: true });
  const state = () => web.page.getByTestId('schedule-state');

  it(
    'schedules a Procedure: a five-field cron refused with its six-field form, then saved and its next run shown',
    async () => {
      const created = await web.admin.write<Created>('CreateProcedure', { name: 'scheduled' });
      await web.page.goto(`${web.monitor.url}/procedures/${created._id.$oid}`);
      await tab('Schedule').click();
      await state().getByText('No run scheduled.').waitFor();

      await web.page.locator('#schedule-format').selectOption('Cron');
      await web.page.locator('#schedule-expression').fill('0 3 * * *');
      await web.page.locator('#schedule-timezone').fill('Asia/Tokyo');
      await button('Save schedule').click();
      const refusal = web.page.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain("add the seconds: '0 0 3 * * *'");
      const unchanged = await web.admin.read<ScheduleConfig>('GetProcedure', {
        procedure: 'scheduled',
      });
      expect(unchanged.config.schedule).toBe('');

      await web.page.locator('#schedule-expression').fill('0 0 3 * * *');
      await button('Save schedule').click();
      await state()
        .getByText(/Next run:/)
        .waitFor();
      const saved = await web.admin.read<ScheduleConfig>('GetProcedure', {
        procedure: 'scheduled',
      });
      expect(saved.config).toMatchObject({
        schedule_format: 'Cron',
        schedule: '0 0 3 * * *',
        schedule_timezone: 'Asia/Tokyo',
      });
      const [listed] = await web.admin.read<{ next_scheduled_run: number }[]>('ListSchedules', {
        terms: ['scheduled'],
      });
      // 03:00 in Tokyo is 18:00 UTC.
      expect(new Date(listed.next_scheduled_run).getUTCHours()).toBe(18);
      expect(await state().textContent()).toContain(
        await web.page.evaluate((ms) => new Date(ms).toLocaleString(), listed.next_scheduled_run),
      );
      await screenshot(web.page, 'schedule-tab-procedure');
    },
    SLOW,
  );

  it(
    'switches an Action schedule off: no next run',
    async () => {
      const created = await web.admin.write<Created>('CreateAction', {
        name: 'hourly-action',
        config: { schedule: 'every hour' },
      });
      await web.page.goto(`${web.monitor.url}/actions/${created._id.$oid}`);
      await tab('Schedule').click();
      await state()
        .getByText(/Next run:/)
        .waitFor();
      expect(await web.page.locator('#schedule-expression').inputValue()).toBe('every hour');
      await web.page.getByLabel('enabled', { exact: true }).uncheck();
      await button('Save schedule').click();
      await state().getByText('No run scheduled.').waitFor();
      const saved = await web.admin.read<ScheduleConfig>('GetAction', { action: 'hourly-action' });
      expect(saved.config.schedule_enabled).toBe(false);
    },
    SLOW,
  );
});
