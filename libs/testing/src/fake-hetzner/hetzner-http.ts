import type { ServerResponse } from 'node:http';

/** Hetzner's API as the fake routes it, and how it answers. */

export type HetznerOperation =
  | 'createServer'
  | 'getServer'
  | 'listServers'
  | 'deleteServer'
  | 'createVolume'
  | 'listVolumes'
  | 'getVolume'
  | 'deleteVolume'
  | 'getAction';

export const ROUTES: [string, RegExp, HetznerOperation][] = [
  ['POST', /^\/v1\/servers$/, 'createServer'],
  ['GET', /^\/v1\/servers$/, 'listServers'],
  ['GET', /^\/v1\/servers\/(\d+)$/, 'getServer'],
  ['DELETE', /^\/v1\/servers\/(\d+)$/, 'deleteServer'],
  ['POST', /^\/v1\/volumes$/, 'createVolume'],
  ['GET', /^\/v1\/volumes$/, 'listVolumes'],
  ['GET', /^\/v1\/volumes\/(\d+)$/, 'getVolume'],
  ['DELETE', /^\/v1\/volumes\/(\d+)$/, 'deleteVolume'],
  ['GET', /^\/v1\/actions\/(\d+)$/, 'getAction'],
];

export const CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  423: 'locked',
  429: 'rate_limit_exceeded',
  500: 'service_error',
  503: 'unavailable',
};

export function send(res: ServerResponse, status: number, body?: unknown): void {
  const headers: Record<string, string> = {
    'ratelimit-limit': '3600',
    'ratelimit-remaining': status === 429 ? '0' : '3599',
    'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
  };
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
