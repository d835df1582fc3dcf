import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { MonitorConfig } from '@monitor/config';
import { MONITOR_CONFIG } from '@monitor/runtime';
import type { Request } from 'express';
import { GraphqlEndpoint } from './graphql-endpoint';
import { depthLimitRule } from './limits';
import { buildMonitorSchema } from './schema';

/**
 * GraphQL at /graphql on the gateway's Express server, through Apollo Server (the driver chosen
 * by bench/graphql: see docs). The schema is generated, never written to disk; GraphiQL is
 * served only with `[graphql] graphiql`.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [MONITOR_CONFIG, ModuleRef],
      useFactory: (config: MonitorConfig, moduleRef: ModuleRef): ApolloDriverConfig => {
        const endpoint = new GraphqlEndpoint(moduleRef, config);
        const schema = buildMonitorSchema();
        return {
          schema,
          path: '/graphql',
          graphiql: config.graphql.graphiql,
          includeStacktraceInErrorResponses: false,
          validationRules: [depthLimitRule(config.graphql.max_depth)],
          // Apollo's default cache-control plugin hooks every field's resolver for cache hints
          // no one reads: off, a page of 1,000 answers ~1.5x faster (bench/graphql).
          plugins: [endpoint.costLimit(schema), ApolloServerPluginCacheControlDisabled()],
          context: ({ req }: { req: Request }) => endpoint.context(req.headers),
        };
      },
    }),
  ],
})
export class MonitorGraphqlModule {}
