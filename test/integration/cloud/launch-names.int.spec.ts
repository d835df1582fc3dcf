import { defaultAwsServerTemplateConfig, kindCategory, launchedTemplate } from '@monitor/domain';
import { NameRegistry, newId } from '@monitor/resources';
import {
  LaunchNames,
  LaunchRecord,
  readLaunch,
} from '../../../apps/deployer/src/server-templates/launch';
import { launchFixture, meta } from './server-launch-fixture';

type Fixture = Awaited<ReturnType<typeof launchFixture>>;

describe("a launch's Server name: reserved for the launch, given back when it stopped half-way", () => {
  let f: Fixture;
  afterEach(() => f.close());

  /** A launch the deployer stopped in: requested, its name reserved, nothing else recorded. */
  const stoppedLaunch = async (serverName: string) => {
    const updateId = newId();
    await new LaunchNames(f.store).reserve(serverName, updateId, meta);
    const config = { type: 'Aws' as const, params: defaultAwsServerTemplateConfig() };
    await new LaunchRecord(f.store, updateId, meta).apply({
      type: 'Request',
      updateId,
      serverName,
      provider: 'Aws',
      template: launchedTemplate({ id: 'tpl-1', name: 'tpl', config }),
    });
    return updateId;
  };

  it('a second launch of the name is a 409 naming the field while the first holds it', async () => {
    f = await launchFixture();
    await stoppedLaunch('web-1');
    await expect(new LaunchNames(f.store).reserve('web-1', newId(), meta)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: "name: a Server named 'web-1' already exists or is being launched",
    });
  });

  it('resume frees the name of a launch that stopped without its Server, not of one still to run', async () => {
    f = await launchFixture();
    const names = new NameRegistry(f.store);
    const stopped = await stoppedLaunch('web-2');
    expect(await names.holder(kindCategory('Server'), 'web-2')).toBe(stopped);
    await f.parts.resume.resumeUnfinished(0);
    expect(await names.holder(kindCategory('Server'), 'web-2')).toBe(stopped);
    await f.parts.resume.resumeUnfinished(Date.now() + 1);
    expect(await names.holder(kindCategory('Server'), 'web-2')).toBeUndefined();
    const state = await readLaunch(f.store, stopped);
    expect(state.status === 'Active' && state.launch.phase).toBe('Failed');
    await new LaunchNames(f.store).reserve('web-2', newId(), meta);
  });
});
