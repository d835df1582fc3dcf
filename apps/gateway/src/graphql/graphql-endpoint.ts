import type { ApolloServerPlugin } from '@apollo/server';
import type { ModuleRef } from '@nestjs/core';
import type { MonitorConfig } from '@monitor/config';
import { isOfKind, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import { shownBuild } from '../api/builds/build-shown';
import { toApiError } from '../api/api-error';
import { ResourceReads } from '../api/read/resources.read';
import { RequestDispatcher } from '../api/request-dispatcher';
import { Authenticator, credentialsOf } from '../auth/authenticator';
import type { Principal } from '../auth/principal';
import { graphqlContext, type GraphqlContext } from './graphql-context';
import { checkCost, operationCost } from './limits';

/**
 * What /graphql needs of the gateway per request: the caller, authenticated as over the RPC,
 * and a context whose requests go through the RPC's dispatcher as that caller. The gateway's
 * services are looked up when the first request comes (GraphQLModule is built before them).
 */
export class GraphqlEndpoint {
  private services?: {
    authenticator: Authenticator;
    dispatcher: RequestDispatcher;
    readModel: ReadModel;
    reads: ResourceReads;
  };

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: MonitorConfig,
  ) {}

  async context(headers: IncomingHttpHeaders): Promise<GraphqlContext> {
    const { authenticator } = this.resolved();
    const principal = await authenticator.authenticate(credentialsOf(headers)).catch((error) => {
      const api = toApiError(error);
      throw new GraphQLError(api.message, {
        extensions: { code: api.code, status: api.status, http: { status: api.status } },
      });
    });
    return this.contextOf(principal);
  }

  /** A request's context as `principal`: over HTTP or a graphql-ws connection alike. */
  contextOf(principal: Principal): GraphqlContext {
    const { dispatcher, readModel, reads } = this.resolved();
    const meta = { userId: principal.id, via: principal.via, correlationId: newId() };
    return graphqlContext({
      principal,
      meta,
      readModel,
      dispatch: async (verb, name, params) =>
        plain(await dispatcher.dispatch(verb, name, params, principal, meta)),
      shown: (resource: Resource) =>
        isOfKind(resource, 'Build') ? shownBuild(readModel, resource) : resource,
      updatesPageSize: this.config.updates_page_size,
      readable: (kind, query) => reads.readable(kind, query, principal),
      listInfo: (resource) => reads.listItems.item(resource).info,
    });
  }

  /** Refuses an operation over `[graphql] max_cost` once its variables are known, before it runs. */
  costLimit(schema: GraphQLSchema): ApolloServerPlugin<GraphqlContext> {
    const maxCost = this.config.graphql.max_cost;
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ document, request, operationName }) => {
          checkCost(operationCost(schema, document, request.variables, operationName), maxCost);
        },
      }),
    };
  }

  private resolved() {
    this.services ??= {
      authenticator: this.moduleRef.get(Authenticator, { strict: false }),
      dispatcher: this.moduleRef.get(RequestDispatcher, { strict: false }),
      readModel: this.moduleRef.get<ReadModel>(READ_MODEL, { strict: false }),
      reads: this.moduleRef.get(ResourceReads, { strict: false }),
    };
    return this.services;
  }
}

/** An answer as its JSON value: a handler may answer one already serialised (with `toJSON`). */
function plain(answer: unknown): unknown {
  const serialisable = answer as { toJSON?: () => unknown } | null | undefined;
  return typeof serialisable?.toJSON === 'function' ? serialisable.toJSON() : answer;
}
