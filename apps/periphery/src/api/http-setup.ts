import type { INestApplication, LoggerService } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createAccessMiddleware } from '../auth/access-middleware';
import type { PeripheryConfig } from '../config';
import { PeripheryError } from './periphery-error';
import { PeripheryErrorFilter } from './periphery-error.filter';

/** Requests carry names and small params; nothing legitimate comes near this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * What the HTTP server needs beyond its routes, in order: the address and passkey checks, then
 * a JSON body parser with a size limit whose failures are answered in the API's error shape.
 * The app must be created with `bodyParser: false`.
 */
export function setUpPeripheryHttp(
  app: INestApplication,
  config: PeripheryConfig,
  logger: LoggerService,
): void {
  app.use(createAccessMiddleware(config, logger));
  const parse = express.json({ limit: BODY_LIMIT_BYTES, type: () => true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const parseError = bodyError(error);
      res.status(parseError.status).json(parseError.body());
    });
  });
  app.useGlobalFilters(new PeripheryErrorFilter());
}

function bodyError(error: unknown): PeripheryError {
  const { status, type } = error as { status?: number; type?: string };
  if (type === 'entity.too.large' || status === 413) {
    return new PeripheryError('TOO_LARGE', `request body is larger than ${BODY_LIMIT_BYTES} bytes`);
  }
  if (type === 'entity.parse.failed') {
    return new PeripheryError('VALIDATION', 'request body is not valid JSON');
  }
  return new PeripheryError('VALIDATION', `request body: ${(error as Error).message}`);
}
