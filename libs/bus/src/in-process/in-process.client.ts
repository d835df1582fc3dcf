import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { InProcessBroker } from './in-process.broker';

/** The ClientProxy of the embedded mode: requests and events go through an InProcessBroker. */
export class InProcessClient extends ClientProxy {
  constructor(private readonly broker: InProcessBroker) {
    super();
  }

  async connect(): Promise<InProcessBroker> {
    this._status$.next('connected');
    return this.broker;
  }

  async close(): Promise<void> {
    this._status$.next('disconnected');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    try {
      return this.broker.request(this.normalizePattern(packet.pattern), packet.data, callback);
    } catch (err) {
      // An unserializable payload fails the call, as ClientNats does.
      callback({ err });
      return () => undefined;
    }
  }

  protected async dispatchEvent<T = void>(packet: ReadPacket): Promise<T> {
    this.broker.emit(this.normalizePattern(packet.pattern), packet.data);
    return undefined as T;
  }
}
