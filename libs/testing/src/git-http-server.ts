import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';
/** Commits made by the helpers need an identity; the machine's own config is not assumed. */
const IDENTITY = ['-c', 'user.name=Monitor Test', '-c', 'user.email=test@monitor.invalid'];

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/<name>.git`, without credentials. */
  url(name: string): string;
  /** A bare repository `name` with one commit of `files` on `main`; answers its hash. */
  createRepo(name: string, files: Record<string, string>): Promise<string>;
  /** Another commit on `main` of `name` (a file given `null` is removed); answers its hash. */
  commitFiles(name: string, files: Record<string, string | null>, message: string): Promise<string>;
  /** Requests that reached git (after auth), for tests that check what was asked. */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * A git server for tests: `git http-backend` run as CGI behind a node HTTP server on
 * 127.0.0.1, with basic auth, serving bare repositories from a temp directory.
 */
export async function startGitHttpServer(auth: {
  username: string;
  password: string;
}): Promise<GitHttpServer> {
  const root = mkdtempSync(join(tmpdir(), 'monitor-git-http-'));
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const requests: string[] = [];
  const server = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="monitor-test"' });
      res.end('authentication required\n');
      return;
    }
    requests.push(`${req.method} ${req.url}`);
    cgi(root, auth.username, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const git = (cwd: string, ...args: string[]) => run('git', [...IDENTITY, ...args], { cwd });
  const bare = (name: string) => join(root, `${name}.git`);
  /** Commits in a throwaway clone and pushes to the bare repository by path (no auth). */
  const push = async (
    name: string,
    files: Record<string, string | null>,
    message: string,
    clone: boolean,
  ) => {
    const work = mkdtempSync(join(tmpdir(), 'monitor-git-work-'));
    try {
      if (clone) await git(work, 'clone', '-q', bare(name), '.');
      else await git(work, 'init', '-q', '-b', 'main');
      for (const [path, contents] of Object.entries(files)) {
        if (contents === null) {
          rmSync(join(work, path), { force: true });
          continue;
        }
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), contents);
      }
      await git(work, 'add', '-A');
      await git(work, 'commit', '-q', '-m', message);
      await git(work, 'push', '-q', bare(name), 'HEAD:refs/heads/main');
      return (await git(work, 'rev-parse', 'HEAD')).stdout.trim();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };

  return {
    url: (name) => `http://127.0.0.1:${port}/${name}.git`,
    createRepo: async (name, files) => {
      await run('git', ['init', '-q', '--bare', '-b', 'main', bare(name)]);
      return push(name, files, 'initial commit', false);
    },
    commitFiles: (name, files, message) => push(name, files, message, true),
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** One request through git http-backend: CGI variables in, CGI headers and body out. */
function cgi(root: string, user: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.replace(/^\?/, ''),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_USER: user,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
  };
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
  // Git compresses large request bodies; http-backend inflates them when told.
  const encoding = req.headers['content-encoding'];
  if (typeof encoding === 'string') env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = req.headers['git-protocol'];
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;

  const child = spawn(HTTP_BACKEND, [], { env });
  req.pipe(child.stdin);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.on('error', () => {
    res.writeHead(500);
    res.end();
  });
  // Test repositories are small: the whole answer is buffered, then split at the header end.
  child.on('close', () => {
    const output = Buffer.concat(chunks);
    const crlf = output.indexOf('\r\n\r\n');
    const lf = output.indexOf('\n\n');
    const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
    const sep = end === crlf ? 4 : 2;
    const head = end >= 0 ? output.subarray(0, end).toString('utf8') : '';
    const body = end >= 0 ? output.subarray(end + sep) : output;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
      else headers[key] = value;
    }
    res.writeHead(status, headers);
    res.end(body);
  });
}
