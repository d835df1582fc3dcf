import type { EventMetadata } from '../port';
import { newEvent, uniqueStream, type CurrentStore } from './fixtures';

const tricky = {
  text: 'héllo wörld ✓ 日本語 🚀 \u0000 "quoted" \\ back\nline',
  nested: { list: [1, -2.5, 1e21, 0, null, true, false, ''], deep: { deeper: { x: [{}, []] } } },
  empty: {},
  maxSafe: Number.MAX_SAFE_INTEGER,
  unicodeKey: { 'clé ✓': 'valeur' },
};

/** Stream names every adapter must keep apart and give back exactly. */
const oddNames = [
  'name-deployment-my.app',
  'name-deployment-my_2Eapp',
  'with space',
  'star*',
  'gt>',
  'a.b.*.>',
  'ünïcödé-流-🚀',
  '_',
  '%2E',
];

export function roundTripContract(current: CurrentStore): void {
  describe('round trip', () => {
    it('gives back data, metadata, type and schema version exactly', async () => {
      const store = current();
      const stream = uniqueStream();
      const metadata: EventMetadata = {
        userId: 'ünïcödé-user',
        via: 'webhook',
        correlationId: 'corr ✓',
        causationId: 'cause',
        at: 1_732_000_000_123,
      };
      const plain = newEvent('Plain', tricky);
      const versioned = { ...newEvent('Versioned', ['a', { b: 'c' }]), metadata, schemaVersion: 3 };
      const scalar = newEvent('Scalar', 'just a string');
      await store.append(stream, [plain, versioned, scalar], 'no_stream');

      const stored = await store.readStream(stream);
      const [fromAll] = (await store.readAll(stored[0].position - 1, 3)).filter(
        (event) => event.id === versioned.id,
      );
      for (const read of [stored[1], fromAll]) {
        expect(read).toMatchObject({ type: 'Versioned', schemaVersion: 3, stream, revision: 1 });
        expect(read.data).toEqual(versioned.data);
        expect(read.metadata).toEqual(metadata);
      }
      expect(stored[0].data).toEqual(tricky);
      expect(stored[0].metadata).toEqual(plain.metadata);
      expect(stored[0].schemaVersion).toBe(1);
      expect(stored[2].data).toBe('just a string');
    });

    it('keeps streams with dots, spaces, wildcards and unicode apart, names intact', async () => {
      const store = current();
      const suffix = uniqueStream('');
      const names = oddNames.map((name) => `${name}${suffix}`);
      const events = names.map(() => newEvent());
      const start = await store.headPosition();
      for (const [i, name] of names.entries()) await store.append(name, [events[i]], 'no_stream');

      for (const [i, name] of names.entries()) {
        const stored = await store.readStream(name);
        expect(stored.map((event) => [event.stream, event.id])).toEqual([[name, events[i].id]]);
      }
      const all = (await store.readAll(start)).filter((event) => names.includes(event.stream));
      expect(all.map((event) => event.stream)).toEqual(names);
    });
  });
}
