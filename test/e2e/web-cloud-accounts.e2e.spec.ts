import { logIn, signUp } from '../support/api';
import { sharedWebSession } from '../support/web-session';

/*
 * Settings → Cloud accounts and a ServerTemplate's `cloud_account` picker in Debian's Chromium
 * against a real embedded Monitor: credentials are only ever typed, the page shows which are
 * set and never a value, and a template names an account of its own provider.
 */

const SLOW = 60_000;
const AWS_KEY_ID = 'AKIAH85WEBTEST000001';
const AWS_KEY_ID_2 = 'AKIAH85WEBTEST000002';
const AWS_SECRET = 'h85/web+Secret0123456789abcdefghijKLMNOP';
const HETZNER_TOKEN = 'h85WebToken'.padEnd(64, 'x');
const SECRETS = [AWS_KEY_ID, AWS_KEY_ID_2, AWS_SECRET, HETZNER_TOKEN];
const TEMPLATE = 'h85-template';

interface AccountView {
  name: string;
  provider: string;
  credentials_set: string[];
}

describe('web UI: cloud accounts', () => {
  const session = sharedWebSession();
  const page = () => session.page;
  const button = (name: string | RegExp) => page().getByRole('button', { name, exact: true });
  const row = (name: string) => page().locator(`tr[data-cloud-account="${name}"]`);
  const newAccount = () => page().getByRole('form', { name: 'New cloud account' });
  const expectNoSecretInPage = async () => {
    const html = await page().content();
    for (const secret of SECRETS) expect(html).not.toContain(secret);
  };
  const accounts = () => session.admin.read<AccountView[]>('ListCloudAccounts', {});

  const openSection = async () => {
    await page().goto(`${session.monitor.url}/settings`);
    await page().getByRole('tab', { name: 'Cloud accounts' }).click();
  };

  it(
    'an admin creates an Aws and a Hetzner account: the list says which credentials are set, never a value',
    async () => {
      await openSection();
      await page().getByText('No cloud accounts yet').waitFor();

      const form = newAccount();
      await form.getByLabel('Name').fill('aws-prod');
      await form.getByLabel('Access key id').fill(AWS_KEY_ID);
      await form.getByLabel('Secret access key').fill(AWS_SECRET);
      expect(await form.getByLabel('Secret access key').getAttribute('type')).toBe('password');
      await form.getByRole('button', { name: 'Create account' }).click();
      await row('aws-prod').getByText('access_key_id, secret_access_key').waitFor();
      // The form is empty again: nothing typed stays in the page.
      expect(await form.getByLabel('Secret access key').inputValue()).toBe('');

      await form.getByLabel('Name').fill('hz');
      await form.getByLabel('Provider').selectOption('Hetzner');
      expect(await form.getByLabel('Access key id').count()).toBe(0);
      await form.getByLabel('API token').fill(HETZNER_TOKEN);
      await form.getByRole('button', { name: 'Create account' }).click();
      await row('hz').getByText('token').waitFor();
      expect(await row('hz').locator('td').nth(1).textContent()).toBe('Hetzner');

      expect(await accounts()).toEqual([
        expect.objectContaining({ name: 'aws-prod', provider: 'Aws' }),
        expect.objectContaining({ name: 'hz', provider: 'Hetzner', credentials_set: ['token'] }),
      ]);
      await expectNoSecretInPage();
    },
    SLOW,
  );

  it(
    'a bad credential is refused with the field named, and nothing is created',
    async () => {
      const form = newAccount();
      await form.getByLabel('Name').fill('hz-bad');
      await form.getByLabel('Provider').selectOption('Hetzner');
      await form.getByLabel('API token').fill('too-short');
      await form.getByRole('button', { name: 'Create account' }).click();
      await form
        .getByRole('alert')
        .getByText(/credentials\.token/)
        .waitFor();
      expect((await accounts()).map((a) => a.name)).toEqual(['aws-prod', 'hz']);
      await form.getByLabel('Name').fill('');
      await form.getByLabel('API token').fill('');
    },
    SLOW,
  );

  it(
    'an update with a blank secret sends only what was typed: the stored secret is kept',
    async () => {
      const sent: string[] = [];
      const record = (request: { url(): string; postData(): string | null }) => {
        if (request.url().endsWith('/write/UpdateCloudAccount'))
          sent.push(request.postData() ?? '');
      };
      page().on('request', record);
      await row('aws-prod').getByRole('button', { name: 'Edit' }).click();
      const form = page().getByRole('form', { name: 'Edit cloud account aws-prod' });
      await form.getByText('A credential left blank keeps the value stored').waitFor();
      expect(await form.getByLabel('Secret access key').inputValue()).toBe('');
      expect(await form.getByLabel('Access key id').inputValue()).toBe('');
      expect(await form.getByLabel('Provider').isDisabled()).toBe(true);
      await form.getByLabel('Access key id').fill(AWS_KEY_ID_2);
      await form.getByRole('button', { name: 'Save account' }).click();
      await newAccount().waitFor();
      page().off('request', record);

      expect(sent.map((body) => JSON.parse(body) as unknown)).toEqual([
        { id: expect.any(String), credentials: { access_key_id: AWS_KEY_ID_2 } },
      ]);
      const [aws] = await accounts();
      expect(aws.credentials_set).toEqual(['access_key_id', 'secret_access_key']);
      await expectNoSecretInPage();
    },
    SLOW,
  );

  it(
    "a template's config picks an account of its provider, and saving it names the account",
    async () => {
      await session.admin.write('CreateServerTemplate', { name: TEMPLATE });
      await page().goto(`${session.monitor.url}/server-templates/${TEMPLATE}`);
      const picker = page().locator('#config-params-cloud_account');
      await picker.waitFor();
      await page()
        .getByText('Whose credentials launch: a cloud account of this provider')
        .waitFor();
      await picker.locator('option', { hasText: 'aws-prod' }).waitFor({ state: 'attached' });
      const offered = await picker.locator('option').allTextContents();
      expect(offered).toEqual(["the core's credentials", 'aws-prod']);
      await picker.selectOption('aws-prod');
      await button('Review 1 change').click();
      await button('Save 1 change').click();
      await button('Review changes').waitFor();

      const template = await session.admin.read<{ config: { params: Record<string, unknown> } }>(
        'GetServerTemplate',
        { server_template: TEMPLATE },
      );
      expect(template.config.params.cloud_account).toBe('aws-prod');
      expect(await picker.inputValue()).toBe('aws-prod');
    },
    SLOW,
  );

  it(
    'deleting an account a template names shows the 409 naming the template; another is deleted',
    async () => {
      await openSection();
      await row('aws-prod').getByRole('button', { name: 'Delete' }).click();
      await button('Yes, delete').click();
      const refusal = page().getByRole('dialog').getByRole('alert');
      await refusal.getByText(new RegExp(`ServerTemplate '${TEMPLATE}'`)).waitFor();
      expect(await refusal.textContent()).toContain('409');
      await page().getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      expect((await accounts()).map((a) => a.name)).toEqual(['aws-prod', 'hz']);

      await row('hz').getByRole('button', { name: 'Delete' }).click();
      await button('Yes, delete').click();
      await row('hz').waitFor({ state: 'detached' });
      expect((await accounts()).map((a) => a.name)).toEqual(['aws-prod']);
      await expectNoSecretInPage();
    },
    SLOW,
  );

  it(
    "Launch asks the new server's name, then links the launch's Update, failed before any cloud call on an unknown variable",
    async () => {
      await session.admin.write('CreateServerTemplate', {
        name: 'h85-launch',
        config: {
          type: 'Aws',
          params: {
            ami_id: 'ami-0123456789abcdef0',
            cloud_account: 'aws-prod',
            user_data: 'echo [[NOT_A_VARIABLE]]',
          },
        },
      });
      await page().goto(`${session.monitor.url}/server-templates/h85-launch`);
      await page().getByLabel('Executions').getByRole('button', { name: 'Launch' }).click();
      const dialog = page().getByRole('dialog', { name: 'Launch' });
      await dialog.getByLabel('Name of the new server').fill('web-h85');
      await dialog.getByRole('button', { name: 'Launch' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page().getByRole('link', { name: 'Follow the launch as it runs →' }).click();
      const prepare = page().locator('[data-stage="prepare"]');
      await prepare.getByText(/NOT_A_VARIABLE/).waitFor();
      await page().locator('.stage-failed').first().waitFor();
      const servers = await session.admin.read<{ name: string }[]>('ListServers', {});
      expect(servers.map((s) => s.name)).not.toContain('web-h85');
      await expectNoSecretInPage();
    },
    SLOW,
  );

  it(
    'a user who is no admin sees the accounts and which credentials are set, and no form to change them',
    async () => {
      await signUp(session.monitor.url, 'bob');
      const { _id } = await session.admin.read<{ _id: { $oid: string } }>('FindUser', {
        user: 'bob',
      });
      await session.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
      const bob = await logIn(session.monitor.url, 'bob');
      const context = await session.browser.newContext();
      try {
        const bobs = await context.newPage();
        await bobs.goto(session.monitor.url);
        await bobs.evaluate((jwt) => localStorage.setItem('monitor.jwt', jwt), bob.jwt);
        await bobs.goto(`${session.monitor.url}/settings`);
        await bobs.getByRole('tab', { name: 'Cloud accounts' }).click();
        const aws = bobs.locator('tr[data-cloud-account="aws-prod"]');
        await aws.getByText('access_key_id, secret_access_key').waitFor();
        expect(await aws.getByRole('button').count()).toBe(0);
        expect(await bobs.getByRole('form', { name: 'New cloud account' }).count()).toBe(0);
        const html = await bobs.content();
        for (const secret of SECRETS) expect(html).not.toContain(secret);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );
});
