import type { INestApplication } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import { keepListenerRawBody } from './listener/raw-body';
import { UpdateFeed } from './live/update-feed';
import { serveWebBundle, webBundleDir } from './web-bundle';

/**
 * What the gateway's HTTP server needs beyond its routes: a JSON body parser with a size
 * limit whose failures are answered in the API's error shape, the live update feed, and the
 * web UI at `/`.
 * The app must be created with `bodyParser: false`.
 */
export function setUpGatewayHttp(app: INestApplication, config: MonitorConfig): void {
  const parse = express.json({
    limit: config.body_limit,
    type: () => true,
    verify: keepListenerRawBody,
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => (error ? answerParseError(error, res) : next()));
  });
  app.get(UpdateFeed).attach(app.getHttpServer() as Server);
  app.use(serveWebBundle(webBundleDir()));
}

function answerParseError(error: unknown, res: Response): void {
  const { status, type } = error as { status?: number; type?: string };
  if (type === 'entity.too.large' || status === 413) {
    res
      .status(413)
      .json({ error: 'request body is larger than the limit', trace: [], code: 'TOO_LARGE' });
    return;
  }
  const message =
    type === 'entity.parse.failed' ? 'request body is not valid JSON' : (error as Error).message;
  res
    .status(status && status < 500 ? status : 400)
    .json({ error: message, trace: [], code: 'VALIDATION' });
}
