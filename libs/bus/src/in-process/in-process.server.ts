import {
  BaseRpcContext,
  Server,
  type CustomTransportStrategy,
  type MessageHandler,
  type MsPattern,
  type WritePacket,
} from '@nestjs/microservices';
import { noResponders } from '../bus-error';
import type { InProcessBroker, InProcessEndpoint } from './in-process.broker';

/** Transport id of the in-process bus, for `@MessagePattern(subject, IN_PROCESS_TRANSPORT)`. */
export const IN_PROCESS_TRANSPORT = Symbol('in-process');

/** `@Ctx()` of an in-process handler; `getSubject()` as on NatsContext. */
export class InProcessContext extends BaseRpcContext<[string]> {
  getSubject(): string {
    return this.args[0];
  }
}

/** The microservice transport of the embedded mode: serves its handlers on an InProcessBroker. */
export class InProcessServer extends Server implements CustomTransportStrategy, InProcessEndpoint {
  override readonly transportId = IN_PROCESS_TRANSPORT;
  private detach?: () => void;

  constructor(private readonly broker: InProcessBroker) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    try {
      this.detach = this.broker.attach(this);
      this._status$.next('connected');
      callback();
    } catch (err) {
      callback(err);
    }
  }

  close(): void {
    this.detach?.();
    this.detach = undefined;
    this._status$.next('disconnected');
  }

  on(): never {
    throw new Error('the in-process transport has no connection events');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }

  /**
   * Nest keeps the last of two request handlers for one pattern without a word; in one process
   * that is a wiring mistake, so it fails at start-up instead.
   */
  override addHandler(
    pattern: MsPattern,
    callback: MessageHandler,
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    if (!isEventHandler && this.messageHandlers.has(this.normalizePattern(pattern))) {
      throw new Error(
        `two handlers for "${this.normalizePattern(pattern)}" in one in-process server`,
      );
    }
    super.addHandler(pattern, callback, isEventHandler, extras);
  }

  dispatchRequest(subject: string, data: unknown, reply: (packet: WritePacket) => void): void {
    const handler = this.getHandlerByPattern(subject);
    if (!handler) return reply({ err: noResponders(subject).toJSON(), isDisposed: true });
    const context = new InProcessContext([subject]);
    // Nest's handler proxy turns handler failures into an error answer; what still rejects here
    // is a failure of Nest itself, logged as ServerNats does.
    void this.runRequest(context, handler, data, reply).catch((err) => this.logger.error(err));
  }

  dispatchEvent(subject: string, data: unknown): void {
    const context = new InProcessContext([subject]);
    void this.handleEvent(subject, { pattern: subject, data }, context).catch((err) =>
      this.logger.error(err),
    );
  }

  private async runRequest(
    context: InProcessContext,
    handler: MessageHandler,
    data: unknown,
    reply: (packet: WritePacket) => void,
  ): Promise<void> {
    // Typed void, handleRequest returns the promise of Nest's processing hooks.
    await this.handleRequest(
      context,
      async () => this.transformToObservable(await handler(data, context)),
      reply,
    );
  }
}
