import { startReceiver, type Received } from './webhook-receiver';

/**
 * A local receiver that refuses one request in five (500: tried again) and acknowledges each
 * delivery, told apart by its `key` header, once: what it acknowledged, in order; the repeats
 * (a delivery acknowledged before, sent again); and how many it refused.
 */
export async function startRefusingReceiver(key: string) {
  const seen = new Set<string>();
  const acked: Omit<Received, 'status'>[] = [];
  const repeats: string[] = [];
  let count = 0;
  let refused = 0;
  const receiver = await startReceiver((request) => {
    const id = String(request.headers[key]);
    if (seen.has(id)) {
      repeats.push(id);
      return 200;
    }
    if (++count % 5 === 0) {
      refused++;
      return 500;
    }
    seen.add(id);
    acked.push(request);
    return 200;
  });
  return {
    url: receiver.url,
    acked,
    repeats,
    get refused() {
      return refused;
    },
    close: receiver.close,
  };
}
