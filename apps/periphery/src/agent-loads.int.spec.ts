import { randomBytes } from 'node:crypto';
import { startCompiledAgent, type CompiledAgent } from './testing/compiled-agent';

/**
 * What the agent must not load, idle or polled: a framework and what comes with it (NestJS,
 * Express, RxJS, reflect-metadata), class-based validation, the core's libraries (the contracts'
 * and the domain's indexes load these), and what only a compose or git request needs.
 */
const HEAVY =
  /\/node_modules\/(@nestjs|express|rxjs|reflect-metadata|class-validator|class-transformer|yaml|simple-git|re2js|@nats-io)\//;
const CORE_INDEXES = /libs\/(contracts|domain)\/src\/index\.js$/;
/** What dockerode brings, for transports the agent never uses (SSH, BuildKit's gRPC). */
const DOCKERODE = /\/node_modules\/(dockerode|docker-modem|ssh2|cpu-features|@grpc|protobufjs)\//;

const RUN = randomBytes(4).toString('hex');
const packageOf = (path: string) => /\/node_modules\/((@[^/]+\/)?[^/]+)\//.exec(path)?.[1];

describe('the agent loads only what it needs', () => {
  let agent: CompiledAgent;

  beforeAll(async () => {
    agent = await startCompiledAgent();
  }, 60_000);
  afterAll(() => agent?.stop());

  it('no framework nor core library, at start nor once polled as the core polls it', async () => {
    const heavy = (modules: string[]) => [
      ...new Set(
        modules.filter((m) => HEAVY.test(m) || CORE_INDEXES.test(m)).map((m) => packageOf(m) ?? m),
      ),
    ];
    expect(heavy(await agent.loaded())).toEqual([]);
    for (const type of ['GetVersion', 'GetSystemStats', 'ListDockerContainers']) {
      expect((await agent.call(type)).status).toBe(200);
    }
    const modules = await agent.loaded();
    expect(heavy(modules)).toEqual([]);
    // What it does load: its own code, valibot for params, and the parts of systeminformation
    // the sampler reads, not the package's index.
    expect(modules).toContainEqual(expect.stringMatching(/\/node_modules\/valibot\//));
    expect(modules).toContainEqual(expect.stringMatching(/systeminformation\/lib\/cpu\.js$/));
    expect(modules).not.toContainEqual(expect.stringMatching(/systeminformation\/lib\/index\.js$/));
  });

  it('answers Docker requests through its own client, never loading dockerode', async () => {
    const dockerode = (modules: string[]) => [
      ...new Set(modules.filter((m) => DOCKERODE.test(m)).map((m) => packageOf(m))),
    ];
    expect((await agent.call('ListDockerImages')).status).toBe(200);
    expect((await agent.call('ListDockerNetworks')).status).toBe(200);
    expect((await agent.call('ListDockerVolumes')).status).toBe(200);
    expect((await agent.call('InspectContainer', { name: `absent-${RUN}` })).status).toBe(404);
    // Refused at once: a `localhost/` reference is pulled from 127.0.0.1, where nothing serves.
    const pull = await agent.call('PullImage', { image: `localhost/monitor-test/absent-${RUN}:x` });
    expect(pull).toMatchObject({ status: 200, body: { success: false } });

    const modules = await agent.loaded();
    expect(dockerode(modules)).toEqual([]);
    expect(modules).toContainEqual(
      expect.stringMatching(/apps\/periphery\/src\/docker\/engine\/docker-client\.js$/),
    );
  });

  it('keeps its young generation at its first size, polled a hundred times', async () => {
    for (let round = 0; round < 100; round++) {
      for (const type of ['GetVersion', 'GetSystemStats', 'ListDockerContainers']) {
        await agent.call(type);
      }
    }
    // V8 would double it under allocation up to 32 MB; main.ts loads small-footprint.ts first.
    expect(await agent.youngGeneration()).toBeLessThanOrEqual(2 * 1024 * 1024);
  }, 60_000);
});
