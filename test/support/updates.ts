import type { ApiClient } from './api';
import { eventually } from './eventually';

/** An Update as the gateway answers it (Komodo's shape). */
export interface UpdateView {
  _id: { $oid: string };
  operation: string;
  operator: string;
  status: string;
  success: boolean;
  start_ts: number;
  end_ts?: number;
  logs: {
    stage: string;
    command: string;
    stdout: string;
    stderr: string;
    success: boolean;
    start_ts: number;
    end_ts: number;
  }[];
  other_data?: string;
}

/** The Update once its execution is over (`Complete`), as `GetUpdate` then answers it. */
export function completed(client: ApiClient, update: UpdateView, ms = 30_000): Promise<UpdateView> {
  return eventually(async () => {
    const current = await client.read<UpdateView>('GetUpdate', { id: update._id.$oid });
    expect(current.status).toBe('Complete');
    return current;
  }, ms);
}
