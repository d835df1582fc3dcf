import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query, as the client sent them. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed when it is JSON or a form; undefined otherwise. */
  json?: unknown;
  form?: Record<string, string>;
}

/** How the receiver answers one request; the default is 200 `ok`. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Never answers (until the receiver closes). */
  hang?: boolean;
  /** Reads the body, then closes the socket without answering. */
  drop?: boolean;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request read, in order, dropped and unanswered ones included. */
  requests: ReceivedRequest[];
  /** Queues answers for the next requests, in order; once used up, answers are 200 again. */
  answer(...answers: ScriptedAnswer[]): void;
  /** Resolves once `count` requests have been read. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (random port) that records requests and answers as scripted. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const script: ScriptedAnswer[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        ...parsed(req.headers['content-type'], body),
      });
      for (const wake of waiters) wake();
      answerWith(res, script.shift() ?? {});
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (...answers) => script.push(...answers),
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (requests.length < count) return;
          done();
          resolve(requests);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`receiver: ${requests.length} of ${count} requests in ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answerWith(res: ServerResponse, answer: ScriptedAnswer): void {
  if (answer.hang) return;
  if (answer.drop) {
    res.socket?.destroy();
    return;
  }
  const send = () => {
    res.writeHead(answer.status ?? 200, answer.headers);
    res.end(answer.body ?? 'ok');
  };
  if (answer.delayMs) setTimeout(send, answer.delayMs);
  else send();
}

function parsed(contentType: string | undefined, body: string): Partial<ReceivedRequest> {
  if (contentType?.startsWith('application/json')) {
    try {
      return { json: JSON.parse(body) };
    } catch {
      return {}; // recorded raw: a test asserting JSON sees it missing
    }
  }
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    return { form: Object.fromEntries(new URLSearchParams(body)) };
  }
  return {};
}
