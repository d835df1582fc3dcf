import type { NewEvent } from '@monitor/eventstore';
import { randomUUID } from 'node:crypto';

const run = randomUUID().slice(0, 8);
let serial = 0;

/** A Monitor-like event: a deployment config change of the size the product writes. */
export function benchEvent(n: number): NewEvent {
  return {
    // Unique in the run and across runs: ids are how the adapters recognise a repeated append.
    id: `bench-${run}-${serial++}`,
    type: 'DeploymentConfigUpdated',
    data: {
      n,
      image: 'registry.local/app:1.25.3',
      ports: ['8080:80', '8443:443'],
      environment: { MODE: 'production', REPLICAS: '3' },
    },
    metadata: {
      userId: 'user-42',
      via: 'api',
      correlationId: 'c0a8012e-4d5e-4f60-9a7b-3c2d1e0f9a8b',
      causationId: 'c0a8012e-4d5e-4f60-9a7b-3c2d1e0f9a8c',
      at: 1_732_000_000_000 + n,
    },
  };
}

export function benchEvents(count: number, from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => benchEvent(from + i));
}

/** Expected revisions of the streams a bench goes round, as the adapter would be told them. */
export class StreamCursor {
  private readonly revisions: number[];

  constructor(
    private readonly label: string,
    streams: number,
  ) {
    this.revisions = Array.from({ length: streams }, () => -1);
  }

  /** The stream for the n-th append and the revision to expect on it. */
  next(n: number): {
    stream: string;
    expected: number | 'no_stream';
    advance: (by: number) => void;
  } {
    const index = n % this.revisions.length;
    const current = this.revisions[index];
    return {
      stream: `${this.label}-${index}`,
      expected: current < 0 ? 'no_stream' : current,
      advance: (by) => {
        this.revisions[index] = current + by;
      },
    };
  }
}
