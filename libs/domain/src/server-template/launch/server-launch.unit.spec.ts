import { DomainError } from '../../shared/domain-error';
import {
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
} from '../server-template.config';
import { cleanupFailedAlert } from './cleanup-alert';
import { launchedTemplate } from './launched-template';
import {
  type ServerLaunchCommand,
  type ServerLaunchEvent,
  type ServerLaunchState,
  serverLaunchStream,
} from './server-launch';
import { serverLaunchDecider } from './server-launch.decider';
import { unfinishedLaunch } from './unfinished-launch';

const template = launchedTemplate({
  id: 't1',
  name: 'web',
  config: {
    type: 'Aws',
    params: { ...defaultAwsServerTemplateConfig(), user_data: '#!/bin/sh\nexport TOKEN=abc\n' },
  },
});

const requested: ServerLaunchEvent = {
  type: 'ServerLaunchRequested',
  data: { updateId: 'u1', serverName: 'web-1', provider: 'Aws', template, ts: 1 },
};
const launched: ServerLaunchEvent = {
  type: 'ServerInstanceLaunched',
  data: { instanceId: 'i-0abc', provider: 'Aws', region: 'us-east-1', ts: 2 },
};
const running: ServerLaunchEvent = {
  type: 'ServerInstanceRunning',
  data: { address: 'https://10.0.0.5:8120', ts: 3 },
};
const answered: ServerLaunchEvent = {
  type: 'ServerAgentAnswered',
  data: { version: '1.0.0', ts: 4 },
};
const rotated: ServerLaunchEvent = { type: 'ServerPasskeyRotated', data: { ts: 5 } };
const done: ServerLaunchEvent = { type: 'ServerLaunched', data: { serverId: 's1', ts: 6 } };
const failedAt = (
  step: 'launch' | 'wait for agent' | 'prepare' | 'create volumes',
): ServerLaunchEvent => ({
  type: 'ServerLaunchFailed',
  data: { step, reason: 'boom', ts: 7 },
});

const given = (...events: ServerLaunchEvent[]): ServerLaunchState =>
  events.reduce(serverLaunchDecider.evolve, serverLaunchDecider.initialState());
const when = (state: ServerLaunchState, command: ServerLaunchCommand) =>
  serverLaunchDecider.decide(state, command);
const refused = (state: ServerLaunchState, command: ServerLaunchCommand, message: RegExp) => {
  expect(() => when(state, command)).toThrow(DomainError);
  expect(() => when(state, command)).toThrow(message);
};

describe('a server launch record', () => {
  it('is a stream per launch, named by its Update', () => {
    expect(serverLaunchStream('u1')).toBe('serverlaunch-u1');
  });

  it("keeps the template as launched, without its user data's text", () => {
    expect(template.user_data_bytes).toBe(27);
    expect(JSON.stringify(template)).not.toContain('TOKEN');
    expect(template.params).toMatchObject({ region: 'us-east-1', instance_type: 't3.small' });
  });

  it('records a launch step by step, to its Server', () => {
    const now = 1;
    expect(
      when(given(), {
        type: 'Request',
        updateId: 'u1',
        serverName: 'web-1',
        provider: 'Aws',
        template,
        now,
      }),
    ).toEqual([requested]);
    expect(
      when(given(requested), {
        type: 'RecordInstance',
        instanceId: 'i-0abc',
        region: 'us-east-1',
        now: 2,
      }),
    ).toEqual([launched]);
    expect(
      when(given(requested, launched), {
        type: 'RecordRunning',
        address: 'https://10.0.0.5:8120',
        now: 3,
      }),
    ).toEqual([running]);
    expect(
      when(given(requested, launched, running), {
        type: 'RecordAgentAnswered',
        version: '1.0.0',
        now: 4,
      }),
    ).toEqual([answered]);
    expect(
      when(given(requested, launched, running, answered), { type: 'RecordPasskeyRotated', now: 5 }),
    ).toEqual([rotated]);
    expect(
      when(given(requested, launched, running, answered, rotated), {
        type: 'Complete',
        serverId: 's1',
        now: 6,
      }),
    ).toEqual([done]);
    const state = given(requested, launched, running, answered, rotated, done);
    expect(state).toMatchObject({
      status: 'Active',
      launch: { phase: 'Launched', serverId: 's1', address: 'https://10.0.0.5:8120' },
    });
    expect(unfinishedLaunch(state)).toBeUndefined();
  });

  it('refuses a second launch call, and a second request', () => {
    refused(
      given(requested, launched),
      { type: 'RecordInstance', instanceId: 'i-0def', now: 3 },
      /already launched i-0abc: a second launch call/,
    );
    refused(
      given(requested),
      { type: 'Request', updateId: 'u1', serverName: 'x', provider: 'Aws', template, now: 2 },
      /already exists/,
    );
  });

  it('records the same instance again as nothing new, so a retried step is safe', () => {
    expect(
      when(given(requested, launched), { type: 'RecordInstance', instanceId: 'i-0abc', now: 3 }),
    ).toEqual([]);
  });

  it('refuses steps out of order', () => {
    refused(
      given(requested),
      { type: 'RecordRunning', address: 'x', now: 2 },
      /is at Requested: RecordRunning needs InstanceLaunched/,
    );
    refused(
      given(requested, launched),
      { type: 'RecordPasskeyRotated', now: 2 },
      /needs AgentAnswered/,
    );
    refused(
      given(requested, launched, running),
      { type: 'Complete', serverId: 's1', now: 2 },
      /needs PasskeyRotated/,
    );
    refused(given(), { type: 'RecordRunning', address: 'x', now: 2 }, /not found/);
    refused(
      given(requested, launched),
      { type: 'RecordVolume', volumeId: '7', now: 2 },
      /volumes are created before the launch call/,
    );
  });

  it('refuses a failure after the end, and a second failure', () => {
    refused(
      given(requested, launched, running, answered, rotated, done),
      { type: 'Fail', step: 'create server', reason: 'x', now: 8 },
      /has launched server s1/,
    );
    refused(
      given(requested, failedAt('prepare')),
      { type: 'Fail', step: 'launch', reason: 'x', now: 8 },
      /has failed at 'prepare'/,
    );
  });

  it('refuses a cleanup before a launch, or of a launch that did not fail', () => {
    refused(
      given(requested, failedAt('prepare')),
      { type: 'RecordCleanedUp', now: 8 },
      /nothing was launched/,
    );
    refused(
      given(requested, launched),
      { type: 'RecordCleanedUp', now: 8 },
      /only a failed launch is cleaned up/,
    );
    refused(
      given(requested, failedAt('prepare')),
      { type: 'RecordInstance', instanceId: 'i-1', now: 8 },
      /no launch call can have been made/,
    );
  });

  it('cleans up a failed launch: the failure, then what was terminated', () => {
    const failed = given(requested, launched, running, failedAt('wait for agent'));
    expect(unfinishedLaunch(failed)).toEqual({
      updateId: 'u1',
      provider: 'Aws',
      instanceId: 'i-0abc',
      region: 'us-east-1',
      volumes: [],
      lookUp: false,
    });
    const cleaned = when(failed, { type: 'RecordCleanedUp', now: 9 });
    expect(cleaned).toEqual([
      { type: 'ServerLaunchCleanedUp', data: { terminated: 'i-0abc', volumes: [], ts: 9 } },
    ]);
    const after = given(requested, launched, running, failedAt('wait for agent'), ...cleaned);
    expect(unfinishedLaunch(after)).toBeUndefined();
    expect(when(after, { type: 'RecordCleanedUp', now: 10 })).toEqual([]);
    refused(after, { type: 'RecordCleanupFailed', reason: 'x', now: 10 }, /has been cleaned up/);
  });

  it('records a failed cleanup with its alert, keeps it unfinished, and takes a later success', () => {
    const failed = given(requested, launched, failedAt('wait for agent'));
    const cleanupFailed = when(failed, {
      type: 'RecordCleanupFailed',
      reason: 'UnauthorizedOperation',
      alertId: 'a1',
      now: 9,
    });
    expect(cleanupFailed).toEqual([
      {
        type: 'ServerLaunchCleanupFailed',
        data: {
          instanceId: 'i-0abc',
          volumes: [],
          reason: 'UnauthorizedOperation',
          alertId: 'a1',
          ts: 9,
        },
      },
    ]);
    const state = given(requested, launched, failedAt('wait for agent'), ...cleanupFailed);
    expect(
      when(state, {
        type: 'RecordCleanupFailed',
        reason: 'UnauthorizedOperation',
        alertId: 'a1',
        now: 10,
      }),
    ).toEqual([]);
    expect(unfinishedLaunch(state)).toMatchObject({ instanceId: 'i-0abc', lookUp: false });
    expect(state.status === 'Active' && state.launch.cleanup).toEqual({
      status: 'CleanupFailed',
      reason: 'UnauthorizedOperation',
      alertId: 'a1',
    });
    expect(when(state, { type: 'RecordCleanedUp', now: 11 })).toHaveLength(1);
  });

  it('tells a restarted deployer to look up a launch killed before its instance was recorded', () => {
    expect(unfinishedLaunch(given(requested))).toEqual({
      updateId: 'u1',
      provider: 'Aws',
      volumes: [],
      lookUp: true,
      failAt: 'launch',
    });
    expect(unfinishedLaunch(given(requested, failedAt('launch')))).toMatchObject({ lookUp: true });
    // Found again by its ClientToken after the failed call: recorded, then cleaned up.
    const found = when(given(requested, failedAt('launch')), {
      type: 'RecordInstance',
      instanceId: 'i-0abc',
      region: 'us-east-1',
      now: 8,
    });
    const state = given(requested, failedAt('launch'), ...found);
    expect(state).toMatchObject({
      launch: { phase: 'Failed', instance: { instanceId: 'i-0abc' } },
    });
    expect(unfinishedLaunch(state)).toMatchObject({ instanceId: 'i-0abc', lookUp: false });
    expect(unfinishedLaunch(given(requested, launched, running))).toMatchObject({
      instanceId: 'i-0abc',
      failAt: 'wait for agent',
    });
  });

  it('needs nothing after a failure before anything was created', () => {
    expect(unfinishedLaunch(given(requested, failedAt('prepare')))).toBeUndefined();
    expect(unfinishedLaunch(given())).toBeUndefined();
  });

  it("records Hetzner's volumes before its server, and cleans them up with it", () => {
    const hetzner = launchedTemplate({
      id: 't2',
      name: 'h',
      config: { type: 'Hetzner', params: defaultHetznerServerTemplateConfig() },
    });
    const req: ServerLaunchEvent = {
      type: 'ServerLaunchRequested',
      data: { updateId: 'u2', serverName: 'h-1', provider: 'Hetzner', template: hetzner, ts: 1 },
    };
    const volume = when(given(req), { type: 'RecordVolume', volumeId: '101', now: 2 });
    expect(volume).toEqual([{ type: 'ServerVolumeCreated', data: { volumeId: '101', ts: 2 } }]);
    expect(when(given(req, ...volume), { type: 'RecordVolume', volumeId: '101', now: 3 })).toEqual(
      [],
    );
    const failed = given(req, ...volume, failedAt('create volumes'));
    expect(unfinishedLaunch(failed)).toEqual({
      updateId: 'u2',
      provider: 'Hetzner',
      volumes: ['101'],
      lookUp: true,
    });
    expect(when(failed, { type: 'RecordCleanedUp', now: 4 })).toEqual([
      { type: 'ServerLaunchCleanedUp', data: { volumes: ['101'], ts: 4 } },
    ]);
    if (failed.status !== 'Active') throw new Error('expected an active launch');
    const alert = cleanupFailedAlert(failed.launch, 'volume is attached');
    expect(alert).toEqual({
      level: 'CRITICAL',
      target: { type: 'ServerTemplate', id: 't2' },
      data: {
        type: 'ServerLaunchCleanupFailed',
        data: {
          update_id: 'u2',
          server_name: 'h-1',
          provider: 'Hetzner',
          instance_id: '',
          volumes: ['101'],
          message: 'volume is attached',
        },
      },
    });
  });
});
