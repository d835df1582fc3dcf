import type { IncomingMessage } from 'node:http';
import { AgentError } from './agent-error';

export const NDJSON = 'application/x-ndjson';

/** Whole lines a command on the agent printed, each with its newline, as they were printed. */
export interface AgentOutputFrame {
  stage: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

type Frame =
  | { output: AgentOutputFrame }
  | { keepalive: true }
  | { answer: unknown }
  | { error: { error?: string; code?: string; status?: number } };

/** Past this, a line without its end is not a frame the agent sends (it cuts its lines). */
const MAX_FRAME = 1024 * 1024;

/**
 * Reads an answer streamed as `application/x-ndjson`: each `output` frame goes to `onOutput` as
 * it arrives (`onFrame` hears of each, to keep an idle timeout from firing; a `keepalive` frame,
 * which the agent sends while its work is silent, does only that), then the one `answer`
 * resolves, or the one `error` rejects as the agent's error with its status.
 */
export function readStreamedAnswer<T>(
  res: IncomingMessage,
  type: string,
  onOutput: (frame: AgentOutputFrame) => void,
  onFrame: () => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let pending = '';
    let settled = false;
    const fail = (message: string) => {
      settled = true;
      res.destroy();
      reject(new AgentError('AGENT', `${type}: ${message}`, res.statusCode));
    };
    const take = (line: string) => {
      if (settled || !line.trim()) return;
      let frame: Frame;
      try {
        frame = JSON.parse(line) as Frame;
      } catch {
        return fail('the agent streamed a frame that is not JSON');
      }
      // `in` throws on a non-object, and this runs in a stream's event handler.
      if (typeof frame !== 'object' || frame === null)
        return fail('the agent streamed a frame that is not a JSON object');
      onFrame();
      if ('output' in frame) return onOutput(frame.output);
      if ('keepalive' in frame) return;
      settled = true;
      if ('answer' in frame) return resolve(frame.answer as T);
      const { error = 'the agent failed', status } = frame.error ?? {};
      reject(new AgentError('AGENT', `${type}: ${error}`, status));
    };
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      pending += chunk;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
        take(pending.slice(0, end));
        pending = pending.slice(end + 1);
      }
      if (pending.length > MAX_FRAME) fail('the agent streamed a frame larger than 1 MiB');
    });
    res.on('error', (error) => {
      if (!settled) reject(error);
    });
    res.on('end', () => {
      take(pending);
      if (!settled) fail('the stream ended before the answer');
    });
  });
}
