import { actionsApiEnv } from '../support/actions-api';
import { screenshot } from '../support/browser';
import { eventually } from '../support/eventually';
import { followRun, sharedWebSession } from '../support/web-session';

/*
 * The Procedure and Action pages of issue 15 in Debian's Chromium against a real embedded
 * Monitor: a procedure built in the stage editor, saved, run to its end; an Action's script
 * written in its code editor, run, its line in its Update. The tests share one page, in order.
 */

const SLOW = 60_000;

interface ProcedureView {
  _id: { $oid: string };
  config: { stages: { name: string; executions: { execution: { type: string } }[] }[] };
}

describe('web UI: Procedures and Actions', () => {
  const web = sharedWebSession(actionsApiEnv);
  const button = (name: string) => web.page.getByRole('button', { name, exact: true });

  it(
    'builds a Sleep stage and a None stage, shows a refusal by stage, saves, runs to the end',
    async () => {
      const created = await web.admin.write<ProcedureView>('CreateProcedure', {
        name: 'two-stage',
      });
      await web.page.goto(`${web.monitor.url}/procedures/${created._id.$oid}`);
      await button('Add stage').click();
      await button('Add stage').click();
      const first = web.page.getByTestId('stage-0');
      await first.getByLabel('stage name').fill('pause');
      await first.getByLabel('execution').selectOption('Sleep');
      await first.locator('#stage-0-execution-0-duration_ms').fill('300');

      // A batch without a pattern: the gateway's 400 names the stage, shown above Save.
      const second = web.page.getByTestId('stage-1');
      await second.getByLabel('execution').selectOption('BatchRunProcedure');
      await button('Save stages').click();
      const refusal = web.page.locator('.stages [role="alert"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain("stage 'Stage 2'");

      await second.getByLabel('execution').selectOption('None');
      await button('Save stages').click();
      await refusal.waitFor({ state: 'detached' });
      const saved = await eventually(async () => {
        const p = await web.admin.read<ProcedureView>('GetProcedure', { procedure: 'two-stage' });
        expect(p.config.stages.map((s) => s.name)).toEqual(['pause', 'Stage 2']);
        return p;
      });
      expect(saved.config.stages.map((s) => s.executions[0].execution.type)).toEqual([
        'Sleep',
        'None',
      ]);
      await screenshot(web.page, 'procedure');

      await button('Run Procedure').click();
      const run = await followRun(web);
      expect(run.success).toBe(true);
      const log = run.logs.map((l) => `${l.stage}\n${l.stdout}`).join('\n');
      expect(log).toContain('pause');
      expect(log).toContain('Stage 2');
      // The page heard of the end: its stages are there, none running.
      await web.page.locator('[data-stage]').first().waitFor();
      await web.page.locator('[data-running]').waitFor({ state: 'detached' });
      await web.page.locator('pre.stdout', { hasText: 'slept 300 ms' }).waitFor();
    },
    SLOW,
  );

  it(
    'writes an Action that prints a line, runs it, and shows the line in its Update',
    async () => {
      const created = await web.admin.write<{ _id: { $oid: string } }>('CreateAction', {
        name: 'greeter',
      });
      await web.page.goto(`${web.monitor.url}/actions/${created._id.$oid}`);
      const editor = web.page.locator('.cm-content');
      await editor.waitFor();
      await editor.fill("console.log('hello from the action editor');");
      // Highlighted: the string is a token of its own, in a span of its style.
      const token = web.page.locator('.cm-line span', {
        hasText: "'hello from the action editor'",
      });
      await token.waitFor();
      // ...and styled (the page's CSP lets no <style> in: a shadow root's sheet must carry it).
      const color = (l: typeof token) => l.evaluate((e) => getComputedStyle(e).color);
      expect(await color(token)).not.toBe(await color(web.page.locator('.cm-line').first()));
      await button('Save script').click();
      await eventually(async () => {
        const action = await web.admin.read<{ config: { file_contents: string } }>('GetAction', {
          action: 'greeter',
        });
        expect(action.config.file_contents).toContain('hello from the action editor');
      });
      await screenshot(web.page, 'action');

      await button('Run Action').click();
      const run = await followRun(web);
      expect(run.logs.map((l) => l.stdout).join('\n')).toContain('hello from the action editor');
      await web.page.locator('pre.stdout', { hasText: 'hello from the action editor' }).waitFor();
    },
    SLOW,
  );

  it(
    "links a nested run's child Update, and the child back to its run",
    async () => {
      const nested = {
        name: 'nested',
        enabled: true,
        executions: [
          {
            enabled: true,
            execution: { type: 'RunProcedure', params: { procedure: 'two-stage' } },
          },
        ],
      };
      const outer = await web.admin.write<ProcedureView>('CreateProcedure', {
        name: 'outer',
        config: { stages: [nested] },
      });
      await web.page.goto(`${web.monitor.url}/procedures/${outer._id.$oid}`);
      // The resource param is picked by name.
      const picker = web.page.locator('#stage-0-execution-0-procedure');
      await eventually(async () =>
        expect(await picker.locator('option:checked').textContent()).toBe('two-stage'),
      );

      await button('Run Procedure').click();
      await web.page.getByRole('link', { name: /Follow the run/ }).click();
      const child = web.page.getByRole('link', { name: /Child Update/ });
      await child.waitFor({ timeout: 30_000 });
      await child.click();
      await web.page.getByRole('link', { name: /Part of run/ }).waitFor();
      await web.page
        .locator('pre.stdout', { hasText: 'slept 300 ms' })
        .waitFor({ timeout: 30_000 });
    },
    SLOW,
  );

  it(
    'shows when a scheduled procedure runs next',
    async () => {
      const nightly = await web.admin.write<ProcedureView>('CreateProcedure', {
        name: 'nightly',
        config: { schedule_format: 'Cron', schedule: '0 0 3 * * *', schedule_timezone: 'UTC' },
      });
      await web.page.goto(`${web.monitor.url}/procedures/${nightly._id.$oid}`);
      const next = web.page.getByText(/Next scheduled run:/);
      await next.waitFor();
      const listed = await web.admin.read<{ info: { next_scheduled_run?: number } }[]>(
        'ListProcedures',
        { query: { names: ['nightly'] } },
      );
      const at = listed[0].info.next_scheduled_run!;
      expect(new Date(at).getUTCHours()).toBe(3);
      expect(await next.textContent()).toContain(
        await web.page.evaluate((ms) => new Date(ms).toLocaleString(), at),
      );
    },
    SLOW,
  );
});
