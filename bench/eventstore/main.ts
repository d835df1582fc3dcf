/**
 * The event store bench: each adapter beside its raw engine in the same run, since these
 * machines are too noisy to compare against figures measured another day.
 *   npm run bench:eventstore -- --only=sqlite --replayEvents=200000
 * Sizes: see `config.ts`. JetStream runs against NATS_URL, or a nats-server of its own.
 */
import { startNatsServer, type RunningNats } from '@monitor/testing';
import { connect } from '@nats-io/transport-node';
import { readConfig } from './config';
import { benchJetStream } from './jetstream-bench';
import { printComparisons, type Comparison } from './report';
import { benchSqlite } from './sqlite-bench';

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  console.log(`config: ${JSON.stringify(config)}`);
  const comparisons: Comparison[] = [];
  if (config.only !== 'jetstream') comparisons.push(...(await benchSqlite(config)));
  if (config.only !== 'sqlite') {
    let server: RunningNats | undefined;
    const url = process.env.NATS_URL ?? (server = await startNatsServer()).url;
    const connection = await connect({ servers: url });
    try {
      comparisons.push(...(await benchJetStream(connection, config)));
    } finally {
      await connection.drain();
      await server?.stop();
    }
  }
  console.log();
  printComparisons(comparisons);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
