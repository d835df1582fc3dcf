import fc from 'fast-check';
import { parse } from 'smol-toml';
import type { ResourceKind } from '../../kinds';
import type { Resource } from '../../resources/lifecycle/state';
import type { ExportNames } from './config-view';
import { escapeBetweenTripleQuotes } from './prepass';
import { KIND_TABLES, renderResourceToml } from './render-resource';
import { rewriteSyncFile, type SyncFileChange } from './rewrite';
import { arbitraryConfig } from './round-trip.fixtures';
import { scanStatements } from './statements';

/** Any file of exported entries, commented by hand: a change touches its own entry only. */

const names: ExportNames = { resource: (_k, id) => id, tag: (id) => id, user: (id) => id };
const KINDS: ResourceKind[] = ['Server', 'Deployment', 'Stack', 'Procedure', 'Builder'];

const read = (toml: string) =>
  parse(escapeBetweenTripleQuotes(toml)) as Record<string, Record<string, unknown>[]>;

function resourceOf(kind: ResourceKind, name: string, config: object): Resource {
  return {
    kind, id: name, name, description: '', tags: [], config: config as never,
    basePermission: 'None', createdAt: 0, updatedAt: 0, revision: 0, configWriter: '',
  } as Resource; // prettier-ignore
}

/** A rendered entry with comment lines put above some of its keys. */
function commented(toml: string, where: boolean[]): string {
  let out = '';
  scanStatements(toml).forEach((s, i) => {
    if (s.type === 'key' && where[i % where.length]) out += `# about ${s.path.join('.')}\n`;
    out += toml.slice(s.start, s.end);
  });
  return out;
}

const entry = (index: number) =>
  fc
    .constantFrom(...KINDS)
    .chain((kind) =>
      fc.tuple(
        fc.constant(kind),
        arbitraryConfig(kind),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      ),
    )
    .map(([kind, config, where]) => ({
      kind,
      name: `${kind}-${index}`,
      text: commented(
        renderResourceToml(resourceOf(kind, `${kind}-${index}`, config), names),
        where,
      ),
    }));

const file = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(i))))
  .chain((entries) =>
    fc
      .tuple(
        fc.array(fc.constantFrom('\n\n##\n\n', '\n\n', '\n# next\n\n'), {
          minLength: entries.length,
          maxLength: entries.length,
        }),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([gaps, eol]) => {
        const withEol = (text: string) => text.replaceAll('\n', eol);
        const own = entries.map((e) => ({ ...e, text: withEol(e.text) }));
        const text = withEol('# head\n' + entries.map((e, i) => e.text + gaps[i]).join(''));
        return { entries: own, text, withEol };
      }),
  );

type Action = { action: 'keep' } | { action: 'delete' } | { action: 'update'; config: object };

describe('rewriteSyncFile, any file', () => {
  it('an update replaces its entry only; the file reads as before but for it', () => {
    fc.assert(
      fc.property(
        file.chain((f) =>
          fc
            .nat(f.entries.length - 1)
            .chain((i) => arbitraryConfig(f.entries[i].kind).map((config) => ({ f, i, config }))),
        ),
        ({ f, i, config }) => {
          const target = f.entries[i];
          const toml = renderResourceToml(resourceOf(target.kind, target.name, config), names);
          const out = rewriteSyncFile(f.text, [
            { action: 'update', kind: target.kind, name: target.name, toml },
          ]);
          const from = f.text.indexOf(target.text);
          expect(out.startsWith(f.text.slice(0, from))).toBe(true);
          expect(out.endsWith(f.text.slice(from + target.text.length))).toBe(true);
          const table = KIND_TABLES[target.kind];
          const expected = read(f.text);
          const position = f.entries.filter((e, j) => j < i && e.kind === target.kind).length;
          expected[table][position] = read(f.withEol(toml))[table][0];
          expect(read(out)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a delete removes its entry only', () => {
    fc.assert(
      fc.property(
        file.chain((f) => fc.nat(f.entries.length - 1).map((i) => ({ f, i }))),
        ({ f, i }) => {
          const target = f.entries[i];
          const out = rewriteSyncFile(f.text, [
            { action: 'delete', kind: target.kind, name: target.name },
          ]);
          for (const [j, other] of f.entries.entries())
            expect(out.includes(other.text)).toBe(j !== i);
          const expected = read(f.text);
          const table = KIND_TABLES[target.kind];
          expected[table] = expected[table].filter((e) => e.name !== target.name);
          if (expected[table].length === 0) delete expected[table];
          expect(read(out)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('many changes at once: each entry kept, updated or deleted, new ones after their kind', () => {
    const plan = file.chain((f) =>
      fc.record({
        f: fc.constant(f),
        actions: fc.tuple(
          ...f.entries.map((e) =>
            fc.oneof(
              fc.constant<Action>({ action: 'keep' }),
              fc.constant<Action>({ action: 'delete' }),
              arbitraryConfig(e.kind).map((config): Action => ({ action: 'update', config })),
            ),
          ),
        ),
        creates: fc.array(
          fc
            .constantFrom(...KINDS)
            .chain((kind) => arbitraryConfig(kind).map((config) => ({ kind, config }))),
          { maxLength: 3 },
        ),
      }),
    );
    fc.assert(
      fc.property(plan, ({ f, actions, creates }) => {
        const changes: SyncFileChange[] = [];
        const expected: Record<string, unknown[]> = {};
        const push = (kind: ResourceKind, value: unknown) =>
          (expected[KIND_TABLES[kind]] ??= []).push(value);
        const before = read(f.text);
        const seen: Record<string, number> = {};
        f.entries.forEach((e, i) => {
          const table = KIND_TABLES[e.kind];
          const parsed = before[table][(seen[table] = (seen[table] ?? -1) + 1)];
          const action = actions[i];
          if (action.action === 'keep') return push(e.kind, parsed);
          if (action.action === 'delete')
            return changes.push({ action: 'delete', kind: e.kind, name: e.name });
          const toml = renderResourceToml(resourceOf(e.kind, e.name, action.config), names);
          changes.push({ action: 'update', kind: e.kind, name: e.name, toml });
          push(e.kind, read(f.withEol(toml))[table][0]);
        });
        creates.forEach(({ kind, config }, i) => {
          const toml = renderResourceToml(resourceOf(kind, `new-${i}`, config), names);
          changes.push({ action: 'create', kind, name: `new-${i}`, toml });
        });
        for (const [i, { kind }] of creates.entries()) {
          const toml = changes.find((c) => c.name === `new-${i}`) as { toml: string };
          push(kind, read(f.withEol(toml.toml))[KIND_TABLES[kind]][0]);
        }
        const out = rewriteSyncFile(f.text, changes);
        expect(read(out)).toEqual(expected);
        for (const [i, e] of f.entries.entries())
          if (actions[i].action === 'keep') expect(out).toContain(e.text);
      }),
      { numRuns: 150 },
    );
  });
});
