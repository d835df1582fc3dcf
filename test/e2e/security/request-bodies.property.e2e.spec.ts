import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { RequestRegistry } from '../../../apps/gateway/src/api/request-registry';
import { authHeaders } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';

/**
 * Every request the gateway registers, given hostile bodies as an admin (so no access check hides
 * a handler's bug): wrong types, deep, wide, prototype keys, odd strings, huge numbers, bytes that
 * are not UTF-8. None may answer 5xx; a refused one (any non-200) writes nothing; a body holding
 * something that must be refused is answered 4xx.
 */
describe('hostile request bodies on every request', () => {
  let monitor: EmbeddedMonitor;
  let routes: { verb: string; name: string; fields: string[] }[];

  beforeAll(async () => {
    monitor = await startEmbedded();
    const registry = monitor.app.get(RequestRegistry);
    routes = registry.list().map(({ verb, name }) => ({
      verb,
      name,
      fields: fieldsOf(registry.find(verb, name)!.dto),
    }));
  });
  afterAll(() => monitor.destroy());

  /**
   * Posts the body; the status and what was written meanwhile (stream and type), but for the
   * claims the clock makes whatever is asked (a sync poll's window, every 5 minutes).
   */
  const send = async (verb: string, name: string, body: Buffer) => {
    const before = await monitor.runtime.store.headPosition();
    const response = await fetch(`${monitor.url}/${verb}/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(monitor.adminAuth) },
      body: new Uint8Array(body),
    });
    const text = await response.text();
    const wrote = (await monitor.runtime.store.readAll(before, 100))
      .filter((e) => !e.stream.startsWith('syncpoll-'))
      .map((e) => `${e.stream} ${e.type}`);
    return { status: response.status, wrote, text };
  };

  it('refuses, with a 4xx and no write, every body that holds something to refuse', async () => {
    expect(routes.length).toBeGreaterThan(100);
    for (const [index, route] of routes.entries()) {
      await fc.assert(
        fc.asyncProperty(bodyOf(route.fields, true), async (body) => {
          const answer = await send(route.verb, route.name, body);
          const seen = [route.name, answer.status, answer.wrote, answer.text.slice(0, 300)];
          expect(seen).toEqual([route.name, expect.any(Number), [], expect.any(String)]);
          expect(answer.status >= 400 && answer.status < 500 ? 'refused' : seen).toBe('refused');
        }),
        // A seed per request: reproducible, and not the same bodies for every request.
        { numRuns: 12, seed: 11 + index },
      );
    }
  }, 120_000);

  it('never answers 5xx to bodies of the right fields with odd values, nor writes when refusing', async () => {
    for (const [index, route] of routes.entries()) {
      await fc.assert(
        fc.asyncProperty(bodyOf(route.fields, false), async (body) => {
          const answer = await send(route.verb, route.name, body);
          const seen = [route.name, answer.status, answer.wrote, answer.text.slice(0, 300)];
          expect(answer.status < 500 ? 'no 5xx' : seen).toBe('no 5xx');
          if (answer.status !== 200)
            expect(answer.wrote.length ? seen : 'no write').toBe('no write');
        }),
        // A seed per request: reproducible, and not the same bodies for every request.
        { numRuns: 12, seed: 11 + index },
      );
    }
  }, 120_000);
});

/** The properties a request DTO declares (class-validator's metadata), its own and inherited. */
function fieldsOf(dto: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

const ODD_STRINGS = [
  '',
  ' ',
  '../../etc/passwd',
  'prod\u202e-bew',
  '\u0000',
  'a'.repeat(5_000),
  '[[SECRET]]',
  '*',
  '\\(a+)+$\\',
  '\\(a)\\1\\',
  '%s%n',
  '<script>',
  '0123456789abcdef01234567',
  'constructor',
  '__proto__',
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...ODD_STRINGS),
);

/** JSON text of hostile values: wrong types, odd strings, huge numbers, some nesting. */
const hostileValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('null', 'true', 'false', '0', '-1', '1e308', '9007199254740993', '0.5'),
    fc.integer().map(String),
    oddString.map((s) => JSON.stringify(s)),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(oddString, tie('value')), { maxLength: 3 })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** Something every body holding it must be refused for, as JSON text of a `"key":value` entry. */
const poison = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.constantFrom('{"prototype":{}}', '1', '{}', 'null'),
    )
    .map(([key, value]) => `${JSON.stringify(key)}:${value}`),
  fc.constant('"zz_not_a_field":1'),
  fc.constantFrom('1e309', '-1e400').map((n) => `"n":${n}`),
  fc.integer({ min: 70, max: 3_000 }).map((d) => `"deep":${'['.repeat(d)}${']'.repeat(d)}`),
  fc.constant(`"wide":{${Array.from({ length: 10_001 }, (_, i) => `"k${i}":0`).join(',')}}`),
  fc.constant('"bytes":"\u0001NOT_UTF8\u0001"'),
);

/** A body: the DTO's fields with hostile values, plus, when `poisoned`, one poison. */
function bodyOf(fields: string[], poisoned: boolean): fc.Arbitrary<Buffer> {
  const key = fields.length
    ? fc.oneof(fc.constantFrom(...fields), fc.constantFrom(...fields), oddString)
    : oddString;
  const entries = fc.array(
    fc.tuple(poisoned ? key : fc.constantFrom(...(fields.length ? fields : ['x'])), hostileValue),
    {
      maxLength: 4,
    },
  );
  // The poison goes last: a key repeated in JSON keeps its last value.
  return fc
    .tuple(entries, poisoned ? poison.map((p) => [p]) : fc.constant([]))
    .map(([fieldEntries, extra]) => {
      const parts = [...fieldEntries.map(([k, v]) => `${JSON.stringify(k)}:${v}`), ...extra];
      return toBytes(`{${parts.join(',')}}`);
    });
}

/** UTF-8 bytes of the text, with the NOT_UTF8 marker turned into a byte no UTF-8 holds. */
function toBytes(text: string): Buffer {
  const [before, after] = text.split('\u0001NOT_UTF8\u0001');
  if (after === undefined) return Buffer.from(text);
  return Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]);
}
