import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import { eventually } from '../support/eventually';
import { sharedWebSession } from '../support/web-session';

/*
 * Settings → Webhooks in Debian's Chromium against a real embedded Monitor and a receiver on
 * 127.0.0.1: created through the form with a filter and a secret, its last delivery shown,
 * its deliveries listed and a given-up one retried with the Retry button, disabled, enabled and
 * deleted. The tests share one page, in order.
 */

const SLOW = 60_000;
const SECRET = 'whsec-web-3c2b1a';

describe('web UI: Settings → Webhooks', () => {
  const session = sharedWebSession({}, SLOW);
  const page = () => session.page;
  let receiver: HttpReceiver;
  let procedureId: string;

  const row = () => page().locator('[data-event-subscription="ci-hook"]');

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    procedureId = (
      await session.admin.write<{ _id: { $oid: string } }>('CreateProcedure', {
        name: 'web-p',
        config: {},
      })
    )._id.$oid;
  }, SLOW);

  afterAll(() => receiver?.close());

  it(
    'creates a webhook in the form; its row shows the filter and, once sent, Delivered',
    async () => {
      await page().goto(`${session.monitor.url}/settings`);
      await page().getByRole('tab', { name: 'Webhooks' }).click();
      const form = page().getByRole('form', { name: 'New webhook' });
      await form.getByLabel('Name').fill('ci-hook');
      await form.getByLabel('URL').fill(`${receiver.url}/hook`);
      await form.getByLabel('Kinds').fill('Procedure');
      await form.getByLabel('Resources').fill('web-p');
      await form.getByLabel('Secret').fill(SECRET);
      await form.getByRole('button', { name: 'Create webhook' }).click();
      await row().waitFor();
      expect(await row().textContent()).toContain('kinds: Procedure; resources: web-p');
      expect(await page().content()).not.toContain(SECRET);

      await session.admin.write('UpdateDescription', {
        target: { type: 'Procedure', id: procedureId },
        description: 'from the web test',
      });
      await receiver.waitFor(1, 10_000);
      await eventually(async () => {
        await page().getByRole('tab', { name: 'Users' }).click();
        await page().getByRole('tab', { name: 'Webhooks' }).click();
        expect(
          await row().locator('[data-delivery-state]').getAttribute('data-delivery-state'),
        ).toBe('Delivered');
      });
    },
    SLOW,
  );

  it(
    'lists its deliveries; a given-up one goes again with Retry and is Delivered',
    async () => {
      receiver.answer({ status: 400 });
      await session.admin.write('UpdateDescription', {
        target: { type: 'Procedure', id: procedureId },
        description: 'refused once',
      });
      await receiver.waitFor(2, 10_000);
      await row().getByRole('button', { name: 'Deliveries' }).click();
      const list = page().locator('[data-event-subscription-deliveries="ci-hook"]');
      const newest = list.locator('[data-delivery]').first();
      await eventually(async () =>
        expect(await newest.getAttribute('data-delivery-state')).toBe('GivenUp'),
      );
      expect(await newest.textContent()).toContain('ProcedureDescriptionUpdated');
      expect(await list.locator('[data-delivery]').nth(1).getAttribute('data-delivery-state')).toBe(
        'Delivered',
      );
      await list.getByRole('button', { name: 'Retry 1 given up' }).click();
      await receiver.waitFor(3, 10_000);
      await eventually(async () =>
        expect(await newest.getAttribute('data-delivery-state')).toBe('Delivered'),
      );
      expect(JSON.parse(receiver.requests[2].body)).toMatchObject({
        data: { to: 'refused once' },
      });
    },
    SLOW,
  );

  it(
    'refuses a bad url with the field named, and creates nothing',
    async () => {
      const form = page().getByRole('form', { name: 'New webhook' });
      await form.getByLabel('Name').fill('bad');
      await form.getByLabel('URL').fill('ftp://127.0.0.1/x');
      await form.getByLabel('Secret').fill('x');
      await form.getByRole('button', { name: 'Create webhook' }).click();
      await form.getByText(/url: /).waitFor();
      expect(await session.admin.read<unknown[]>('ListEventSubscriptions')).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'disables, enables and deletes it',
    async () => {
      await row().getByRole('button', { name: 'Disable' }).click();
      await row().getByText('(disabled)').waitFor();
      await row().getByRole('button', { name: 'Enable' }).click();
      await row().getByRole('button', { name: 'Disable' }).waitFor();
      await row().getByRole('button', { name: 'Delete' }).click();
      await page().getByRole('button', { name: 'Yes, delete' }).click();
      await eventually(async () =>
        expect(await session.admin.read<unknown[]>('ListEventSubscriptions')).toEqual([]),
      );
    },
    SLOW,
  );
});
