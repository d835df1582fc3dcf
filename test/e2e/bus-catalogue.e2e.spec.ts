import { QUEUE_GROUPS } from '@monitor/bus';
import { CATALOGUE_ENTRIES, KIND_REQUESTS } from '@monitor/contracts';
import { RESOURCE_KINDS } from '@monitor/domain';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

type Handlers = Map<string, { extras?: { queue?: string } }>;

/** The services bind their bus subjects from the request catalogue, each under its owner. */
describe('the services bind from the request catalogue', () => {
  let monitor: EmbeddedMonitor;
  /** Each request subject the embedded bus serves, with the service whose queue binds it. */
  let bound: { subject: string; service: string }[];

  beforeAll(async () => {
    monitor = await startEmbedded();
    const serviceOf = new Map<string, string>(
      Object.entries(QUEUE_GROUPS).map(([s, queue]) => [queue, s]),
    );
    // Nest keeps the transport's server to itself; its handlers are what the broker serves.
    const [microservice] = monitor.app.getMicroservices() as unknown as {
      serverInstance: { getHandlers(): Handlers };
    }[];
    bound = [...microservice.serverInstance.getHandlers()]
      .filter(([subject]) => /^(query|exec|cmd)\./.test(subject))
      .map(([subject, handler]) => ({
        subject,
        service: serviceOf.get(handler.extras?.queue ?? '') ?? 'none',
      }));
  });
  afterAll(() => monitor.destroy());

  it('binds each subject to a catalogue request, by the service the catalogue names', () => {
    expect(bound.length).toBeGreaterThan(100);
    const kindOf = (token: string) => RESOURCE_KINDS.find((k) => k.toLowerCase() === token);
    for (const { subject, service } of bound) {
      const tokens = subject.split('.');
      const name = tokens[tokens.length - 1];
      const verb = { query: 'read', exec: 'execute', cmd: 'write' }[tokens[0]];
      const entry = CATALOGUE_ENTRIES.find((e) => e.name === name && e.verb === verb);
      // UpdateResourceMeta goes to the owner of the target's kind.
      const kind = kindOf(tokens[1]);
      const owner =
        name === 'UpdateResourceMeta' && kind ? KIND_REQUESTS[kind].create.service : entry?.service;
      expect([subject, owner]).toEqual([subject, service]);
    }
  });

  it("binds every request a service owns, but those the gateway answers through another's subject", () => {
    const names = new Set(bound.map(({ subject }) => subject.split('.').pop()));
    const unbound = CATALOGUE_ENTRIES.filter(
      ({ service, name }) => service !== 'gateway' && !names.has(name),
    ).map(({ verb, name }) => `${verb}/${name}`);
    expect(unbound.sort()).toEqual(
      [
        // A batch runs its execution on each resource it picks.
        'execute/BatchDeploy',
        'execute/BatchDestroyDeployment',
        'execute/BatchDeployStack',
        'execute/BatchDeployStackIfChanged',
        'execute/BatchPullStack',
        'execute/BatchDestroyStack',
        'execute/BatchCloneRepo',
        'execute/BatchPullRepo',
        'execute/BatchBuildRepo',
        'execute/BatchRunBuild',
        'execute/BatchRunAction',
        'execute/BatchRunProcedure',
        // Komodo 1.x's names, public aliases of the 2.x queries the deployer answers.
        'read/ListDockerContainers',
        'read/ListDockerImages',
        'read/ListDockerNetworks',
        'read/ListDockerVolumes',
        // Komodo 2.3's former name of InspectContainer.
        'read/InspectDockerContainer',
      ].sort(),
    );
  });
});
