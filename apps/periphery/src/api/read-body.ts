import type { IncomingMessage } from 'node:http';
import { PeripheryError } from './periphery-error';

/**
 * A request's raw bytes, refused (413) once they pass `limit`: when the declared length is
 * larger before a byte is read, else as they arrive. Compressed bodies are refused: the core
 * never sends one, and a small one could inflate far past the limit.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') {
    return Promise.reject(
      new PeripheryError(
        'VALIDATION',
        `request body: content-encoding ${encoding} is not accepted: send it uncompressed`,
      ),
    );
  }
  const tooLarge = () =>
    new PeripheryError('TOO_LARGE', `request body is larger than ${limit} bytes`);
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}
