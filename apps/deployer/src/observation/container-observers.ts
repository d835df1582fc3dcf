import { Injectable } from '@nestjs/common';
import type { ContainerKind, Resource } from '@monitor/domain';

/** A container as the agent lists it. */
export interface ListedContainer {
  name: string;
  state: string;
  health?: string;
  image?: string;
  labels?: Record<string, string>;
}

/** One kind's part of polling: its resources on a server, told what that server runs. */
export interface ContainerObserver<K extends ContainerKind = ContainerKind> {
  on(serverId: string): Resource<K>[];
  observe(server: Resource<'Server'>, containers: ListedContainer[] | 'unreachable'): Promise<void>;
}

/**
 * The observers each poll of a server hands its container list to (one list per server, shared
 * by deployments and stacks). Each feature adds its own as its module starts, so polling names
 * none of them.
 */
@Injectable()
export class ContainerObservers {
  private readonly observers: ContainerObserver[] = [];

  add(observer: ContainerObserver): void {
    this.observers.push(observer);
  }

  /** The observers with resources on the server: none means no container list is asked for. */
  on(serverId: string): ContainerObserver[] {
    return this.observers.filter((observer) => observer.on(serverId).length);
  }
}
