import type { MessageHandler, WritePacket } from '@nestjs/microservices';
import { noResponders } from '../bus-error';
import { jsonCopy } from './json-copy';

/** What the broker needs from a server attached to it (InProcessServer). */
export interface InProcessEndpoint {
  getHandlers(): Map<string, MessageHandler>;
  dispatchRequest(subject: string, data: unknown, reply: (packet: WritePacket) => void): void;
  dispatchEvent(subject: string, data: unknown): void;
}

interface Listener {
  endpoint: InProcessEndpoint;
  queue?: string;
}

/**
 * The in-process bus of one embedded app: servers attach their handlers, clients send and emit
 * through it. Delivery is asynchronous and payloads are copied both ways, as over NATS.
 * Subjects match exactly (no wildcards), and a request subject has one handler per broker.
 */
export class InProcessBroker {
  private readonly responders = new Map<string, InProcessEndpoint>();
  private readonly listeners = new Map<string, Listener[]>();

  /** Registers an endpoint's handlers; returns what detaches them. */
  attach(endpoint: InProcessEndpoint): () => void {
    const handlers = [...endpoint.getHandlers()];
    for (const [subject, handler] of handlers) this.assertAttachable(subject, handler);
    for (const [subject, handler] of handlers) {
      if (!handler.isEventHandler) this.responders.set(subject, endpoint);
      else {
        const queue = handler.extras?.queue as string | undefined;
        this.listeners.set(subject, [...(this.listeners.get(subject) ?? []), { endpoint, queue }]);
      }
    }
    return () => this.detach(endpoint);
  }

  /**
   * Sends a request; `reply` gets the answer packets. Returns the teardown that drops a late
   * answer (after a timeout, the handler runs on but its answer goes nowhere, as on NATS).
   */
  request(subject: string, data: unknown, reply: (packet: WritePacket) => void): () => void {
    const payload = jsonCopy(data);
    let open = true;
    const answer = (packet: WritePacket) => {
      if (open) reply(jsonCopy(packet));
    };
    queueMicrotask(() => {
      if (!open) return;
      const responder = this.responders.get(subject);
      if (responder) responder.dispatchRequest(subject, payload, answer);
      else answer({ err: noResponders(subject).toJSON(), isDisposed: true });
    });
    return () => {
      open = false;
    };
  }

  /** Delivers an event to every listener, and to one listener per queue group. */
  emit(subject: string, data: unknown): void {
    // Serialized even with nobody listening, so an unserializable payload fails as on NATS.
    const text = JSON.stringify(data);
    const queues = new Set<string>();
    for (const { endpoint, queue } of this.listeners.get(subject) ?? []) {
      if (queue !== undefined && queues.has(queue)) continue;
      if (queue !== undefined) queues.add(queue);
      const payload: unknown = JSON.parse(text);
      queueMicrotask(() => endpoint.dispatchEvent(subject, payload));
    }
  }

  private assertAttachable(subject: string, handler: MessageHandler): void {
    if (/[*>]/.test(subject)) {
      throw new Error(`the in-process bus matches subjects exactly: "${subject}" has a wildcard`);
    }
    if (!handler.isEventHandler && this.responders.has(subject)) {
      throw new Error(`"${subject}" already has a handler on this in-process bus`);
    }
  }

  private detach(endpoint: InProcessEndpoint): void {
    for (const [subject, responder] of this.responders) {
      if (responder === endpoint) this.responders.delete(subject);
    }
    for (const [subject, listeners] of this.listeners) {
      const rest = listeners.filter((listener) => listener.endpoint !== endpoint);
      if (rest.length > 0) this.listeners.set(subject, rest);
      else this.listeners.delete(subject);
    }
  }
}
