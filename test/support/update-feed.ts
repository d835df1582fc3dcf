import { WebSocket } from 'ws';
import type { ApiClient } from './api';
import type { UpdateView } from './updates';

/** A `/ws/update` message, with when it arrived. */
export interface FeedMessage {
  at: number;
  text: string;
}

/** A logged-in `/ws/update` client that pushes every message it gets into `into`. */
export async function updateFeed(url: string, jwt: string, into: FeedMessage[]): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/update`);
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt } })));
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') return resolve();
      into.push({ at: Date.now(), text });
    });
    socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  return socket;
}

/** The Update as GetUpdate answered it after a feed message about it arrived (at). */
export interface SeenUpdate {
  at: number;
  update: UpdateView;
}

/**
 * Follows one Update as the Update page does: each feed message naming it is followed by a read
 * of it, in order, until it is Complete (or `ms` pass). Every read is pushed into `seen`.
 */
export async function followUpdate(
  client: ApiClient,
  messages: FeedMessage[],
  id: string,
  seen: SeenUpdate[],
  ms = 60_000,
): Promise<UpdateView> {
  let read = 0;
  let done = false;
  const follow = async () => {
    while (!done) {
      const next = messages.slice(read).findIndex((m) => m.text.includes(id));
      if (next < 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      read += next + 1;
      const at = messages[read - 1].at;
      const update = await client.read<UpdateView>('GetUpdate', { id });
      seen.push({ at, update });
      if (update.status === 'Complete') return update;
    }
    throw new Error('stopped following');
  };
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    follow(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the Update did not complete in ${ms} ms`)), ms);
    }),
  ]).finally(() => {
    done = true;
    clearTimeout(timer);
  });
}
