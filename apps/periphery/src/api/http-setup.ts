import type { INestApplication, LoggerService } from '@nestjs/common';
import { describeJsonProblem, findJsonProblem } from '@monitor/contracts';
import { LimitsSettings } from '@monitor/config';
import { limitConnections } from '@monitor/process';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server } from 'node:http';
import { createAccessMiddleware } from '../auth/access-middleware';
import type { PeripheryConfig } from '../config';
import { PeripheryError } from './periphery-error';
import { PeripheryErrorFilter } from './periphery-error.filter';

/** Requests carry names and small params; nothing legitimate comes near this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The core is the agent's one client: the gateway's default limits leave it ample room. */
const LIMITS = new LimitsSettings();

type Checked = IncomingMessage & { notUtf8?: boolean };

/**
 * What the HTTP server needs beyond its routes, in order: limits on connections, the address
 * and signature checks, then a JSON body parser with a size limit that checks the body is the
 * one signed, then depth, key count, finite numbers and UTF-8 checked before any request
 * validates its params; failures are answered in the API's error shape. The app must be
 * created with `bodyParser: false`.
 */
export function setUpPeripheryHttp(
  app: INestApplication,
  config: PeripheryConfig,
  logger: LoggerService,
): void {
  limitConnections(app.getHttpServer() as Server, LIMITS);
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  const access = createAccessMiddleware(config, logger);
  app.use(access.middleware);
  const parse = express.json({
    limit: BODY_LIMIT_BYTES,
    type: () => true,
    verify: (req: Checked, _res, body) => {
      const unsigned = access.bodies.check(req, body);
      if (unsigned) throw unsigned;
      if (!isUtf8(body)) req.notUtf8 = true;
    },
  });
  const limits = { maxDepth: LIMITS.json_max_depth, maxKeys: LIMITS.json_max_keys };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => {
      // A signed request that sent no body was not seen by `verify`: it is checked as empty.
      const problem = error
        ? bodyError(error)
        : (access.bodies.check(req, '') ??
          findJsonProblem(req.body, limits, (req as Checked).notUtf8));
      if (!problem) return next();
      const refusal =
        problem instanceof PeripheryError
          ? problem
          : new PeripheryError('VALIDATION', `request body: ${describeJsonProblem(problem)}`);
      res.status(refusal.status).json(refusal.body());
    });
  });
  app.useGlobalFilters(new PeripheryErrorFilter());
}

function bodyError(error: unknown): PeripheryError {
  // Thrown by `verify`: body-parser wrote the raw body over its `body()`, so it is made afresh.
  if (error instanceof PeripheryError)
    return new PeripheryError(error.code, error.message, error.trace);
  const { status, type } = error as { status?: number; type?: string };
  if (type === 'entity.too.large' || status === 413) {
    return new PeripheryError('TOO_LARGE', `request body is larger than ${BODY_LIMIT_BYTES} bytes`);
  }
  if (type === 'entity.parse.failed') {
    return new PeripheryError('VALIDATION', 'request body is not valid JSON');
  }
  return new PeripheryError('VALIDATION', `request body: ${(error as Error).message}`);
}
