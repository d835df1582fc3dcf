import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';
import { BusError, busErrorFromWire, noResponders } from './bus-error';

export const DEFAULT_BUS_TIMEOUT_MS = 10_000;

/**
 * The part of a Nest ClientProxy that BusClient uses: ClientNats and InProcessClient alike
 * (their status types differ, so neither is a plain `ClientProxy`).
 */
export type BusClientProxy = Pick<ClientProxy, 'connect' | 'close' | 'send' | 'emit'>;

export interface BusRequestOptions {
  /** How long to wait for the answer; Nest's `send()` alone waits for ever. */
  timeoutMs?: number;
}

/** Errors of the NATS client meaning the bus itself cannot be reached (by `name`: see below). */
const UNREACHABLE = new Set([
  'ConnectionError',
  'ClosedConnectionError',
  'DrainingConnectionError',
]);

/**
 * What services and the gateway call, on either transport. Every request has a timeout and
 * every failure is a BusError: the handler's own `{ code, message, details }`, TIMEOUT, or
 * UNAVAILABLE when no handler listens to the subject.
 */
export class BusClient implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly proxy: BusClientProxy) {}

  /** Connects at start-up, so that an unreachable NATS fails the boot, not the first call. */
  async onApplicationBootstrap(): Promise<void> {
    await this.proxy.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }

  async request<T>(
    subject: string,
    payload: unknown,
    { timeoutMs = DEFAULT_BUS_TIMEOUT_MS }: BusRequestOptions = {},
  ): Promise<T> {
    // Nest refuses a null payload outright; a request without parameters sends `{}`.
    const answer$ = this.proxy.send<T>(subject, payload ?? {}).pipe(timeout(timeoutMs));
    try {
      // A handler that returns nothing completes without a value over NATS.
      return await lastValueFrom(answer$, { defaultValue: undefined as T });
    } catch (err) {
      throw toBusError(err, subject, timeoutMs);
    }
  }

  /** Fire and forget: every event handler of the subject gets it (one per queue group). */
  async emit(subject: string, payload: unknown): Promise<void> {
    try {
      await lastValueFrom(this.proxy.emit(subject, payload ?? {}), { defaultValue: undefined });
    } catch (err) {
      throw toBusError(err, subject);
    }
  }
}

function toBusError(err: unknown, subject: string, timeoutMs?: number): BusError {
  if (err instanceof BusError) return err;
  if (err instanceof TimeoutError) {
    return new BusError('TIMEOUT', `no answer from ${subject} within ${timeoutMs} ms`, {
      subject,
      timeoutMs,
    });
  }
  // ClientNats reads NATS' "no responders" status (an empty message) as an empty response.
  if (err instanceof EmptyResponseException) return noResponders(subject);
  // By name: the NATS client is loaded by Nest through its own require, and an `instanceof`
  // against another copy of its classes would fail.
  if (err instanceof Error && UNREACHABLE.has(err.name)) {
    return new BusError('UNAVAILABLE', `bus unreachable for ${subject}: ${err.message}`, {
      subject,
    });
  }
  if (err instanceof Error) return new BusError('INTERNAL', `${subject}: ${err.message}`);
  return busErrorFromWire(err);
}
