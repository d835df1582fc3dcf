import { hostname } from 'node:os';
import { loadConfig } from '@monitor/config';
import { replicaName } from './replica-name';

describe('replicaName', () => {
  it('is the configured [procedures] replica', () => {
    expect(replicaName(loadConfig({ MONITOR_PROCEDURES_REPLICA: 'replica-a' }))).toBe('replica-a');
  });

  it('is the host and process id when none is configured', () => {
    expect(replicaName(loadConfig({}))).toBe(`${hostname()}:${process.pid}`);
  });
});
