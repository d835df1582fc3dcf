import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

/** First path segments that belong to the API; the UI never answers under them. */
const API_SEGMENTS = new Set([
  'read',
  'write',
  'execute',
  'auth',
  'user',
  'ws',
  'events',
  'listener',
  'graphql',
]);

/**
 * Where `npm run build` writes the browser bundle: `dist/web`, beside the compiled gateway
 * (`dist/apps/gateway/src`). Running from source (the tests), it is the repository's `dist/web`.
 */
export function webBundleDir(): string {
  const besideCompiled = join(__dirname, '../../../web');
  return existsSync(join(besideCompiled, 'index.html'))
    ? besideCompiled
    : join(__dirname, '../../../dist/web');
}

/**
 * The web UI at `/`: its files as they are, and `index.html` for any other page path so the
 * browser's own routing works on a reload or a shared link. API paths pass through untouched.
 */
export function serveWebBundle(dir: string): RequestHandler {
  const index = join(dir, 'index.html');
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      // Vite names assets by their content hash: a new build is a new name.
      if (path.startsWith(join(dir, 'assets')))
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (!existsSync(index)) {
      res
        .status(404)
        .type('text/plain')
        .send(`Monitor's web UI is not built: run \`npm run build\` (it writes ${dir}).\n`);
      return;
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    files(req, res, () => {
      // A missing file (`/assets/old-hash.js`) is a 404, not the page.
      if (extname(req.path)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  };
}

function isApiPath(path: string): boolean {
  return API_SEGMENTS.has(path.split('/')[1] ?? '');
}

/** The bundle loads nothing but its own files and talks only to this origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');
