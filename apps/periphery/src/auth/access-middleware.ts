import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PeripheryError } from '../api/periphery-error';
import type { PeripheryConfig } from '../config';
import { createIpAllowList } from './ip-allow-list';
import { createPasskeyCheck } from './passkey';

/**
 * Runs before the body is read, so a caller that may not talk to the agent costs it nothing.
 * The address comes from the socket, never from a forwarded-for header a client could write.
 * Refusals are logged with the address and the reason, never with the value that was sent.
 */
export function createAccessMiddleware(config: PeripheryConfig, logger: LoggerService) {
  const allowList = createIpAllowList(config.allowed_ips);
  const passkeys = createPasskeyCheck(config.passkeys);
  const open = config.passkeys.length === 0 && config.allow_no_passkey;

  const refuse = (res: Response, error: PeripheryError, address: string, reason: string) => {
    logger.warn(`refused a request from ${address}: ${reason}`);
    res.status(error.status).json(error.body());
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    const address = req.socket.remoteAddress ?? 'unknown address';
    if (!allowList.allows(req.socket.remoteAddress)) {
      const error = new PeripheryError(
        'FORBIDDEN',
        `address ${address} is not in this agent's allowed_ips`,
      );
      return refuse(res, error, address, 'address not in allowed_ips');
    }
    if (open) return next();
    const given = req.headers.authorization;
    if (!given) {
      const error = new PeripheryError(
        'UNAUTHORIZED',
        "missing passkey: send the Server's passkey in the 'authorization' header",
      );
      return refuse(res, error, address, 'no passkey was sent');
    }
    if (!passkeys.matches(given)) {
      const error = new PeripheryError(
        'UNAUTHORIZED',
        "wrong passkey: the 'authorization' header matches none of this agent's passkeys",
      );
      return refuse(res, error, address, 'the passkey was wrong');
    }
    next();
  };
}
