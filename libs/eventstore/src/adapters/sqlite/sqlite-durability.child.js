// Child process of sqlite-durability.int.spec.ts: appends through the real SqliteEventStore and
// tells the parent of each append once `append` has resolved, until the parent kills it.
// Jest's transform does not reach a child process, so TypeScript is compiled here, with swc.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const { SqliteEventStore } = require('./sqlite-event-store.ts');

async function main() {
  const [path, stream, count] = process.argv.slice(2);
  const store = new SqliteEventStore(path);
  for (let n = 0; n < Number(count); n++) {
    const event = {
      id: `${stream}-${n}`,
      type: 'Appended',
      data: { n },
      metadata: { userId: 'child', via: 'system', correlationId: 'c', causationId: 'c', at: n },
    };
    await store.append(stream, [event], n === 0 ? 'no_stream' : n - 1);
    process.send({ acknowledged: event.id });
  }
  process.send({ done: true });
}

main().catch((error) => {
  process.send({ failed: String(error && error.stack) });
});
