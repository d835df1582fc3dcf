import { describeJsonProblem, findJsonProblem } from '@monitor/contracts/agent';
import type { ProcessLogger } from '@monitor/process';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AccessCheck } from '../auth/access-check';
import { AGENT_LIMITS, BODY_LIMIT_BYTES } from './agent-limits';
import { PeripheryError } from './periphery-error';
import { KEEP_ALIVE_MS, NDJSON, StreamedAnswer } from './output-stream';
import { readBody } from './read-body';
import type { RequestRegistry } from './request-registry';
import { dispatch } from './rpc';

const JSON_LIMITS = { maxDepth: AGENT_LIMITS.json_max_depth, maxKeys: AGENT_LIMITS.json_max_keys };

/**
 * Every request, in order: the address and signature checks (before any byte of the body is
 * read), then for a POST the body, refused past its size limit, checked to be the one signed,
 * parsed as JSON and checked for depth, key count, finite numbers and UTF-8 before any request
 * validates its params; then `POST /` is dispatched. Every failure, and any other route, is
 * answered in the API's error shape `{ error, trace, code }`; a 5xx is logged. A caller that
 * accepts `application/x-ndjson` hears the output of the commands as they print it
 * (StreamedAnswer), kept alive every `keepAliveMs` while the work is silent; any other gets the
 * single JSON answer.
 */
export function createHttpHandler(
  registry: RequestRegistry,
  access: AccessCheck,
  logger: Pick<ProcessLogger, 'error'>,
  { keepAliveMs = KEEP_ALIVE_MS }: { keepAliveMs?: number } = {},
): RequestListener {
  const answer = async (req: IncomingMessage, live?: StreamedAnswer): Promise<unknown> => {
    const refusal = access.refusal(req);
    if (refusal) throw refusal;
    const body = req.method === 'POST' ? await readJson(req, access) : undefined;
    // The path alone names the route, as Express matched it; the query is signed with it.
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/') {
      const route = `Cannot ${req.method} ${req.url}`;
      throw new PeripheryError('NOT_FOUND', `${route}: the agent answers POST /`);
    }
    return live ? live.run(() => dispatch(registry, body)) : dispatch(registry, body);
  };
  return (req, res) => {
    const streamed = req.headers.accept?.includes(NDJSON);
    const live = streamed ? new StreamedAnswer(res, keepAliveMs) : undefined;
    answer(req, live).then(
      (result) => (live?.streaming ? live.end({ answer: result }) : send(res, 200, result)),
      (error: unknown) => {
        const refusal = toPeripheryError(error);
        if (refusal.status >= 500)
          logger.error(refusal.message, error instanceof Error ? error.stack : undefined);
        if (live?.streaming) return live.end({ error: refusal.body() });
        // The rest of a refused body is not read: the connection goes once the answer is sent.
        if (!req.complete) res.setHeader('connection', 'close');
        send(res, refusal.status, refusal.body());
      },
    );
  };
}

/** The body as JSON once its bytes are the ones signed; a request with no body is `{}`. */
async function readJson(req: IncomingMessage, access: AccessCheck): Promise<unknown> {
  const raw = await readBody(req, BODY_LIMIT_BYTES);
  const unsigned = access.bodies.check(req, raw);
  if (unsigned) throw unsigned;
  const body = raw.length ? parseJson(raw.toString('utf8')) : {};
  const problem = findJsonProblem(body, JSON_LIMITS, !isUtf8(raw));
  if (problem)
    throw new PeripheryError('VALIDATION', `request body: ${describeJsonProblem(problem)}`);
  return body;
}

/** Only an object or an array is a request body, as body-parser's strict mode has it. */
function parseJson(text: string): unknown {
  const notJson = new PeripheryError('VALIDATION', 'request body is not valid JSON');
  if (!/^\s*[[{]/.test(text)) throw notJson;
  try {
    return JSON.parse(text);
  } catch {
    throw notJson;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function toPeripheryError(error: unknown): PeripheryError {
  if (error instanceof PeripheryError) return error;
  return new PeripheryError(
    'INTERNAL',
    `internal error: ${error instanceof Error ? error.message : String(error)}`,
  );
}
