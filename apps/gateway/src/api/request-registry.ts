import { Injectable } from '@nestjs/common';
import type { PermissionLevel, ResourceKind, SpecificPermission } from '@monitor/domain';
import type { CommandMeta } from '@monitor/resources';
import type { Principal } from '../auth/principal';

export const VERBS = ['read', 'write', 'execute'] as const;
export type Verb = (typeof VERBS)[number];

export interface RequestContext {
  meta: CommandMeta;
  principal: Principal;
}

/**
 * Who may make a request, checked before it is handled. `user`: any enabled user (the handler
 * filters what they see); `admin`; `resource`: a permission level, and the specific permissions
 * listed, on the resource the params name (404 when there is none, 403 when one is missing).
 */
export type Access<P> =
  | { type: 'user' }
  | { type: 'admin' }
  | {
      type: 'resource';
      level: PermissionLevel;
      specific?: SpecificPermission[];
      target: (params: P) => { kind: ResourceKind; id: string };
    };

export interface RequestDefinition<P extends object = object> {
  verb: Verb;
  name: string;
  dto: new () => P;
  access: Access<P>;
  handle(params: P, context: RequestContext): Promise<unknown>;
}

/** Every request the gateway answers, by verb and Komodo request name. */
@Injectable()
export class RequestRegistry {
  private readonly definitions = new Map<string, RequestDefinition>();

  add(...definitions: RequestDefinition<never>[]): void {
    for (const definition of definitions) {
      const key = `${definition.verb}/${definition.name}`;
      if (this.definitions.has(key)) throw new Error(`request ${key} is defined twice`);
      this.definitions.set(key, definition as unknown as RequestDefinition);
    }
  }

  find(verb: string, name: string): RequestDefinition | undefined {
    return this.definitions.get(`${verb}/${name}`);
  }

  list(): { verb: Verb; name: string }[] {
    return [...this.definitions.values()].map(({ verb, name }) => ({ verb, name }));
  }
}

/** Typed helper for feature files: keeps `handle`'s params typed by its DTO. */
export function request<P extends object>(
  definition: RequestDefinition<P>,
): RequestDefinition<never> {
  return definition as unknown as RequestDefinition<never>;
}
