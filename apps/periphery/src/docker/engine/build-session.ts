import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { constants, createServer, type ServerHttp2Stream } from 'node:http2';
import type { Socket } from 'node:net';
import { engineFailure } from './engine-api-error';
import { bytesField, varint } from './protobuf-fields';

const GET_SECRET = '/moby.buildkit.secrets.v1.Secrets/GetSecret';
const CREDENTIALS = '/moby.filesync.v1.Auth/Credentials';
const HEALTH_CHECK = '/grpc.health.v1.Health/Check';

/** gRPC status codes BuildKit reads. */
const GRPC_OK = 0;
const GRPC_NOT_FOUND = 5;
const GRPC_UNIMPLEMENTED = 12;

/** A registry account, as BuildKit asks for it when it pulls a `FROM` image. */
export interface SessionCredentials {
  username: string;
  secret: string;
}

export interface SessionServices {
  secrets: ReadonlyMap<string, string>;
  /** The account for a registry host, if the build has one; anonymous otherwise. */
  credentials: (host: string) => SessionCredentials | undefined;
}

export interface BuildSession {
  /** The `session` of the `/build` call that may read these secrets. */
  id: string;
  close(): void;
}

/**
 * A BuildKit session with the engine, serving the build's secrets, as the docker CLI does for
 * `--secret`: `POST /session` is upgraded to HTTP/2, over which the engine is the client and
 * calls this side's gRPC services. Only three are offered: the secrets (by id, from memory: no
 * file on the host holds them), registry accounts for private `FROM` images (as `docker login`
 * would give them, with nothing written to disk), and the health check the engine polls to keep
 * the session. Secrets reach only the `RUN --mount=type=secret` step that asks for them.
 */
export function openBuildSession(
  socketPath: string,
  { secrets, credentials }: SessionServices,
): Promise<BuildSession> {
  const id = randomUUID();
  const server = createServer();
  server.on('stream', (stream, headers) => {
    const path = String(headers[':path']);
    if (path === HEALTH_CHECK) return answer(stream, GRPC_OK, Buffer.from([0x08, 0x01]));
    if (path !== GET_SECRET && path !== CREDENTIALS) return answer(stream, GRPC_UNIMPLEMENTED);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const wanted = firstString(Buffer.concat(chunks));
      if (path === CREDENTIALS) {
        // CredentialsResponse: Username (1), Secret (2); none is anonymous.
        const account = wanted === undefined ? undefined : credentials(wanted);
        const fields = account
          ? [
              bytesField(1, Buffer.from(account.username)),
              bytesField(2, Buffer.from(account.secret)),
            ]
          : [];
        return answer(stream, GRPC_OK, Buffer.concat(fields));
      }
      const value = wanted === undefined ? undefined : secrets.get(wanted);
      if (value === undefined)
        return answer(stream, GRPC_NOT_FOUND, undefined, `secret ${wanted} not found`);
      answer(stream, GRPC_OK, bytesField(1, Buffer.from(value, 'utf8')));
    });
  });
  return new Promise((resolve, reject) => {
    const req = request({
      socketPath,
      method: 'POST',
      path: '/session',
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'h2c',
        'X-Docker-Expose-Session-Uuid': id,
        'X-Docker-Expose-Session-Name': 'monitor-build',
        'X-Docker-Expose-Session-Sharedkey': randomBytes(16).toString('hex'),
        'X-Docker-Expose-Session-Grpc-Method': [GET_SECRET, CREDENTIALS, HEALTH_CHECK],
      },
    });
    req.on('upgrade', (_res, socket: Socket, head: Buffer) => {
      if (head.length) socket.unshift(head);
      server.emit('connection', socket);
      resolve({
        id,
        close: () => {
          socket.destroy();
          server.close();
        },
      });
    });
    req.on('response', (res) => {
      const body: Buffer[] = [];
      res.on('data', (chunk: Buffer) => body.push(chunk));
      res.on('end', () =>
        reject(engineFailure(res.statusCode ?? 0, Buffer.concat(body).toString(), 'POST /session')),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Answers one gRPC call: its message (length-prefixed, uncompressed), then its status. */
function answer(stream: ServerHttp2Stream, status: number, message?: Buffer, why?: string) {
  stream.respond(
    { [constants.HTTP2_HEADER_STATUS]: 200, 'content-type': 'application/grpc' },
    { waitForTrailers: true },
  );
  stream.on('wantTrailers', () =>
    stream.sendTrailers({ 'grpc-status': String(status), ...(why ? { 'grpc-message': why } : {}) }),
  );
  if (!message) return stream.end();
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  stream.end(Buffer.concat([prefix, message]));
}

/** Field 1 of a request (GetSecretRequest's ID, CredentialsRequest's Host), behind its 5-byte gRPC prefix. */
function firstString(frame: Buffer): string | undefined {
  let at = 5;
  while (at < frame.length) {
    const [key, afterKey] = varint(frame, at);
    // Both fields of the request (ID, annotations) are length-delimited.
    if ((key & 7) !== 2) return undefined;
    const [length, start] = varint(frame, afterKey);
    if (key >> 3 === 1) return frame.subarray(start, start + length).toString('utf8');
    at = start + length;
  }
  return undefined;
}
