import { readComposeReach } from './compose-reach';

describe('readComposeReach', () => {
  it("finds another container's namespaces and volumes, and reserved labels (compose v1's output)", async () => {
    const v1 = [
      'services:',
      '  other:',
      '    image: busybox',
      '  web:',
      '    image: busybox',
      '    ipc: container:victim',
      '    labels:',
      '      monitor.deployment: x',
      '      app: shop',
      '    network_mode: container:victim',
      '    pid: container:db',
      '    volumes_from:',
      '    - container:victim:ro',
      '    - service:other:rw',
      "version: '3.9'",
    ].join('\n');
    expect(await readComposeReach(v1)).toEqual({
      services: ['other', 'web'],
      joins: [
        { service: 'web', key: 'network_mode', container: 'victim' },
        { service: 'web', key: 'pid', container: 'db' },
        { service: 'web', key: 'ipc', container: 'victim' },
        { service: 'web', key: 'volumes_from', container: 'victim' },
      ],
      reservedLabels: [{ service: 'web', key: 'monitor.deployment' }],
    });
  });

  it('reads labels given as lines, and a plain project as reaching nowhere', async () => {
    const text =
      'services:\n  web:\n    labels: ["com.docker.compose.project=x", "a=b"]\n    network_mode: none\n';
    expect(await readComposeReach(text)).toEqual({
      services: ['web'],
      joins: [],
      reservedLabels: [{ service: 'web', key: 'com.docker.compose.project' }],
    });
  });
});
