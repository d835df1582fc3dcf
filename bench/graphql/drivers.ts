import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import Fastify from 'fastify';
import {
  execute,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import mercurius from 'mercurius';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphqlContext } from '../../apps/gateway/src/graphql/graphql-context';

export interface Served {
  url: string;
  close(): Promise<void>;
}

type MakeContext = () => GraphqlContext;

const urlOf = (server: Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Apollo Server 5 on Express 5. `tuned`: as the gateway serves it (minus auth and the limits),
 * without the cache-control plugin, which Apollo installs by default and which hooks every
 * field's resolver to compute cache hints nobody reads here.
 */
export async function serveApollo(
  schema: GraphQLSchema,
  context: MakeContext,
  tuned: boolean,
): Promise<Served> {
  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    plugins: tuned ? [ApolloServerPluginCacheControlDisabled()] : [],
  });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => context() }),
  );
  const server = createServer(app);
  await listen(server);
  return {
    url: urlOf(server),
    close: async () => {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

/** Mercurius on Fastify: its own parse cache, the same schema and context. */
export async function serveMercurius(schema: GraphQLSchema, context: MakeContext): Promise<Served> {
  const app = Fastify();
  await app.register(mercurius, { schema, context: () => context() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: urlOf(app.server), close: () => app.close() };
}

/** graphql-js `execute` in a bare node:http server, documents parsed and validated once: the floor. */
export async function serveRaw(schema: GraphQLSchema, context: MakeContext): Promise<Served> {
  const documents = new Map<string, DocumentNode>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        const errors = validate(schema, document, specifiedRules);
        if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
        documents.set(query, document);
      }
      const result = await execute({
        schema,
        document,
        variableValues: variables,
        contextValue: context(),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  await listen(server);
  return { url: urlOf(server), close: () => closeServer(server) };
}
