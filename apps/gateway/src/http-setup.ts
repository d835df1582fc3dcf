import { Logger, type INestApplication } from '@nestjs/common';
import { describeJsonProblem, findJsonProblem } from '@monitor/contracts';
import type { MonitorConfig } from '@monitor/config';
import { limitConnections } from '@monitor/runtime';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server } from 'node:http';
import { HttpErrorFilter } from './api/http-error.filter';
import { keepListenerRawBody } from './listener/raw-body';
import { UpdateFeed } from './live/update-feed';
import { serveWebBundle, webBundleDir } from './web-bundle';

type Checked = IncomingMessage & { notUtf8?: boolean };

/**
 * What the gateway's HTTP server needs beyond its routes: limits on connections, a JSON body
 * parser with a size limit, then depth, key count, finite numbers and UTF-8 checked before any
 * route validates the body (failures answered in the API's error shape, like any route's,
 * including Nest's own 404), the live update feed, and the web UI at `/`.
 * The app must be created with `bodyParser: false`.
 */
export function setUpGatewayHttp(app: INestApplication, config: MonitorConfig): void {
  const server = app.getHttpServer() as Server;
  limitConnections(server, config.limits, new Logger('Http'));
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  app.useGlobalFilters(new HttpErrorFilter());
  const parse = express.json({
    limit: config.body_limit,
    type: () => true,
    verify: (req: Checked, res, body) => {
      if (!isUtf8(body)) req.notUtf8 = true;
      keepListenerRawBody(req, res, body);
    },
  });
  const limits = { maxDepth: config.limits.json_max_depth, maxKeys: config.limits.json_max_keys };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => {
      if (error) return answerParseError(error, res);
      const problem = findJsonProblem(req.body, limits, (req as Checked).notUtf8);
      if (!problem) return next();
      const message = `request body: ${describeJsonProblem(problem)}`;
      res.status(400).json({ error: message, trace: [message], code: 'VALIDATION' });
    });
  });
  app.get(UpdateFeed).attach(server);
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
