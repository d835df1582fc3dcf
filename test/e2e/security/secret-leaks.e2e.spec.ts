import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant, startWithLocalAgent } from '../../support/security';
import { eventually } from '../../support/eventually';
import { completed, type UpdateView } from '../../support/updates';
import { destroyStack, removeComposeProject, removeContainers } from '../../support/leftovers';

const MASK = '*****';

/**
 * Issue 11, finding 3: a command that prints a secret variable shows it to no one, neither
 * transformed (`rev`, `base64`, `xxd`) nor one character at a time through log search, which
 * runs on the masked log. Eve, who may read the logs (Read and Logs) but not use the secret, is
 * the one searching.
 */
describe('security: secret values do not leak through transformations or log search', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const name = `e2e-secret-leaks-${process.pid}`;
  const project = `e2e-secret-leaks-stack-${process.pid}`;
  /** Hex after the dash: no run of separators when printed with one between characters. */
  const secret = `Leak-${randomBytes(12).toString('hex')}`;
  const reversed = [...secret].reverse().join('');
  const base64 = Buffer.from(`${secret}\n`).toString('base64');
  const hex = Buffer.from(secret).toString('hex');
  /** A key over several lines, none of them a secret alone. */
  const pemLines = [randomBytes(18).toString('base64'), randomBytes(18).toString('base64')];
  const pem = ['-----BEGIN TEST KEY-----', ...pemLines, '-----END TEST KEY-----'].join('\n');
  let monitor: EmbeddedMonitor;
  let eve: ApiClient;
  let deploy: UpdateView;

  type Log = { stage: string; command: string; stdout: string; stderr: string };
  const log = () => eve.read<Log>('GetDeploymentLog', { deployment: name, tail: 50 });
  const search = (params: object) =>
    eve.read<Log>('SearchDeploymentLog', { deployment: name, ...params });
  const letEveRead = (type: string, id: string) =>
    grant(monitor.admin, 'eve', { type, id }, 'Read', ['Logs']);

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    eve = (await enabledUser(monitor, 'eve')).client;
    await monitor.admin.write('CreateVariable', { name: 'LEAKY', value: secret, is_secret: true });
    await monitor.admin.write('CreateVariable', { name: 'PEM', value: pem, is_secret: true });
    await monitor.admin.write('CreateDeployment', {
      name,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
        command: [
          '/bin/sh -c "',
          'echo plain [[LEAKY]];',
          'echo reversed $(echo [[LEAKY]] | rev);',
          'echo base64 $(echo [[LEAKY]] | base64);',
          'echo hex $(printf %s [[LEAKY]] | xxd -p -c 200);',
          'echo upper $(echo [[LEAKY]] | tr a-z A-Z);',
          "echo spaced $(echo [[LEAKY]] | sed 's/./& /g');",
          'echo [[LEAKY]] | fold -w1;',
          'echo ordinary-line-one; echo ordinary-line-two >&2;',
          "echo '[[PEM]]' >&2;",
          "trap 'exit 0' TERM; sleep 3600 & wait",
          '"',
        ].join(' '),
        network: 'none',
        termination_timeout: 1,
      },
    });
    await letEveRead('Deployment', name);
    await letEveRead('Server', 'local');
    deploy = await completed(
      monitor.admin,
      await monitor.admin.execute<UpdateView>('Deploy', { deployment: name }),
    );
    await eventually(async () => expect((await log()).stderr).toContain('ordinary-line-two'));
  }, 60_000);

  afterAll(async () => {
    await destroyStack(monitor?.admin, 'leaky-stack');
    await monitor?.destroy();
    await removeComposeProject(docker, project);
    await removeContainers(docker, name);
  }, 60_000);

  it('masks the secret printed reversed, in base64, hex, upper case, spaced or a character a line, in the log and the Update', async () => {
    expect(deploy.success).toBe(true);
    const { stdout } = await log();
    // Left of base64: what encodes the newline alone. The character that mixes the secret's
    // last bits with the newline's first two (zeros) reads as the secret's own end: masked.
    expect(stdout).toBe(
      [
        `plain ${MASK}`,
        `reversed ${MASK}`,
        `base64 ${MASK}${base64.slice(Math.ceil((8 * secret.length) / 6))}`,
        `hex ${MASK}`,
        `upper ${MASK}`,
        `spaced ${MASK}`,
        MASK,
        'ordinary-line-one',
        '',
      ].join('\n'),
    );
    const update = JSON.stringify(deploy.logs);
    expect(update).toContain(MASK);
    for (const form of [secret, reversed, base64.slice(0, 20), hex, secret.toUpperCase()]) {
      expect([form, stdout.includes(form), update.includes(form)]).toEqual([form, false, false]);
    }
  });

  it('masks a multi-line secret when the log is read with timestamps, which cut it into lines', async () => {
    const stamped = await eve.read<Log>('GetDeploymentLog', {
      deployment: name,
      tail: 50,
      timestamps: true,
    });
    expect(stamped.stderr).toMatch(/^\S+Z ordinary-line-two\n\S+Z \*{5}\n$/);
    const found = await search({
      terms: pemLines.map((line) => line.slice(0, 8)),
      timestamps: true,
    });
    expect(found.stdout).toBe('');
    const byServer = await eve.read<Log>('GetContainerLog', {
      server: 'local',
      container: name,
      tail: 50,
      timestamps: true,
    });
    expect(byServer.stderr).toBe(stamped.stderr);
    expect((await log()).stderr).toBe(`ordinary-line-two\n${MASK}\n`);
  });

  it('answers no search for a prefix of the secret: the search reads the masked log', async () => {
    const prefixes = Array.from({ length: secret.length }, (_, i) => secret.slice(0, i + 1));
    const guesses = [...prefixes.map((p) => `plain ${p}`), ...prefixes.slice(0, 40)];
    const found = await search({ terms: guesses });
    expect(found).toMatchObject({ stage: 'search container log', stdout: '', stderr: '' });
    for (const term of [`reversed ${reversed.slice(0, 3)}`, `base64 ${base64.slice(0, 4)}`]) {
      expect((await search({ terms: [term] })).stdout).toBe('');
    }
    const byServer = await eve.read<Log>('SearchContainerLog', {
      server: 'local',
      container: name,
      terms: [`plain ${secret.slice(0, 1)}`, secret.slice(0, 5)],
    });
    expect(byServer.stdout).toBe('');
  });

  it('still finds ordinary lines, of both streams, and shows a matching line masked', async () => {
    expect(await search({ terms: ['ordinary-line'] })).toMatchObject({
      stdout: 'ordinary-line-one\nordinary-line-two\n',
      stderr: '',
      command: expect.stringContaining('| search ("ordinary-line")'),
    });
    expect((await search({ terms: ['plain', 'upper'], combinator: 'Or' })).stdout).toBe(
      `plain ${MASK}\nupper ${MASK}\n`,
    );
    expect((await search({ terms: ['ordinary', 'two'], combinator: 'And' })).stdout).toBe(
      'ordinary-line-two\n',
    );
    const inverted = await search({ terms: ['ordinary', 'plain', 'reversed'], invert: true });
    expect(inverted.stdout).toBe(
      `base64 ${MASK}${base64.slice(Math.ceil((8 * secret.length) / 6))}\nhex ${MASK}\nupper ${MASK}\nspaced ${MASK}\n${MASK}\n${MASK}\n`,
    );
    const byServer = await eve.read<Log>('SearchContainerLog', {
      server: 'local',
      container: name,
      terms: ['line-two'],
    });
    expect(byServer.stdout).toBe('ordinary-line-two\n');
  });

  it("masks a stack's pre-deploy output in its Update, and searches its log masked too", async () => {
    await monitor.admin.write('CreateStack', {
      name: 'leaky-stack',
      config: {
        server_id: 'local',
        project_name: project,
        auto_pull: false,
        // Runs on the host, its output recorded in the Update.
        pre_deploy: { path: '', command: 'echo [[LEAKY]] | rev; echo [[LEAKY]] | base64' },
        environment: 'TOKEN=[[LEAKY]]',
        file_contents: [
          'services:',
          '  talker:',
          `    image: ${BUSYBOX_TEST_IMAGE}`,
          '    network_mode: none',
          '    environment: { TOKEN: "${TOKEN}" }',
          '    command: ["/bin/sh", "-c", "echo token $$TOKEN; echo $$TOKEN | rev; echo stack-ready; trap \'exit 0\' TERM; sleep 3600 & wait"]',
          '',
        ].join('\n'),
      },
    });
    await letEveRead('Stack', 'leaky-stack');
    const deployed = await completed(
      monitor.admin,
      await monitor.admin.execute<UpdateView>('DeployStack', { stack: 'leaky-stack' }),
    );
    expect(deployed.success).toBe(true);
    const preDeploy = deployed.logs.find((l) => l.command.includes('| rev'));
    expect(deployed.logs.map((l) => l.stage)).toContain(preDeploy?.stage);
    expect(preDeploy).toMatchObject({
      command: expect.stringContaining(`echo ${MASK} | rev; echo ${MASK} | base64`),
      stdout: `${MASK}\n${MASK}${base64.slice(Math.ceil((8 * secret.length) / 6))}\n`,
    });
    const stackSearch = (terms: string[]) =>
      eve.read<Log>('SearchStackLog', { stack: 'leaky-stack', terms });
    const ready = await eventually(async () => {
      const found = await stackSearch(['stack-ready', 'token']);
      expect(found.stdout).toContain('stack-ready');
      return found;
    });
    expect(ready).toMatchObject({ stage: 'search compose log', stderr: '' });
    expect(ready.stdout).toMatch(/\| token \*{5}\n.*\| stack-ready\n$/);
    const prefixes = Array.from(
      { length: secret.length },
      (_, i) => `token ${secret.slice(0, i + 1)}`,
    );
    expect((await stackSearch([...prefixes, reversed.slice(0, 6)])).stdout).toBe('');
  }, 60_000);

  it('refuses a search without terms or with an empty term, naming the field', async () => {
    for (const terms of [[], ['']]) {
      const answer = await eve.call<{ error: string }>('read', 'SearchDeploymentLog', {
        deployment: name,
        terms,
      });
      expect([answer.status, answer.body.error]).toEqual([400, expect.stringContaining('terms')]);
    }
  });
});
