import {
  defaultHetznerServerTemplateConfig,
  launchedTemplate,
  type ServerTemplateConfig,
} from '@monitor/domain';
import { newId, systemMeta } from '@monitor/resources';
import { LaunchRecord, readLaunch } from '../../../apps/deployer/src/server-templates/launch';
import { openMachines } from '../../../apps/deployer/src/server-templates/launch/open-machines';
import { launchFixture } from './server-launch-fixture';

const template = (): ServerTemplateConfig => ({
  type: 'Hetzner',
  params: {
    ...defaultHetznerServerTemplateConfig(),
    datacenter: 'Falkenstein1Dc14',
    server_type: 'cx22',
    volumes: [
      { name: 'data-1', size_gb: 10, format: 'Xfs', labels: { kind: 'data' } },
      { name: 'data-2', size_gb: 20, format: 'Ext4', labels: {} },
    ],
    user_data: '',
  },
});

/**
 * A deployer killed while it created a launch's Hetzner volumes: the first volume's id was
 * recorded, the second's answer came but was never written. Its next start finds the second
 * by the launch's label and removes both, and the record names both.
 */
describe("a launch's Hetzner volumes across a kill before their record", () => {
  it('resume finds the unrecorded volume by its label and deletes every volume', async () => {
    const f = await launchFixture({ startAgents: false });
    try {
      const config = template();
      const updateId = newId();
      const record = new LaunchRecord(f.store, updateId, systemMeta());
      await record.apply({
        type: 'Request',
        updateId,
        serverName: 'web-volumes',
        provider: 'Hetzner',
        template: launchedTemplate({ id: 'tpl-v', name: 'template-v', config }),
      });
      const credentials = f.parts.credentials.resolve(config);
      const timing = {
        instanceTimeoutMs: 2_000,
        agentTimeoutMs: 1_000,
        intervalMs: 25,
        maxIntervalMs: 100,
      };
      const machines = await openMachines(config, credentials, 'web-volumes', updateId, timing);
      let answered = 0;
      await machines.createVolumes(async (volumeId) => {
        // The kill falls between the second create's answer and its record.
        if (answered++ === 0) await record.apply({ type: 'RecordVolume', volumeId });
      });
      machines.close();
      expect(f.hetzner.volumes()).toHaveLength(2);
      expect((await record.read()).volumes).toHaveLength(1);

      const resumed = await f.restart().resume.resumeUnfinished(Date.now());
      expect(resumed.map((r) => r.updateId)).toEqual([updateId]);
      expect(f.hetzner.volumes()).toEqual([]);
      expect(f.hetzner.callsOf('deleteVolume')).toHaveLength(2);
      expect(f.hetzner.callsOf('createServer')).toHaveLength(0);
      const state = await readLaunch(f.store, updateId);
      expect(state.status === 'Active' && state.launch).toMatchObject({
        phase: 'Failed',
        volumes: expect.arrayContaining(
          f.hetzner.callsOf('deleteVolume').map((c) => c.path.split('/').pop()),
        ),
        cleanup: { status: 'CleanedUp' },
      });
    } finally {
      await f.close();
    }
  });
});
