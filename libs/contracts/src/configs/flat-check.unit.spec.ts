import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { RESOURCE_KINDS, type ResourceKind } from '../../../domain/src/kinds';
import { KIND_SPECS } from '../../../domain/src/resources/configs';
import { isFlatConfig, passesFlatCheck } from './flat-check';
import { CONFIG_DTOS, validateConfig } from './validate-config';

/** class-validator the full way, as validateConfig ran it before the flat check. */
function fullErrors(kind: ResourceKind, config: Record<string, unknown>) {
  const instance = plainToInstance(CONFIG_DTOS[kind], structuredClone(config));
  return validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
  });
}

const defaultsOf = (kind: ResourceKind) => KIND_SPECS[kind].defaults() as Record<string, unknown>;

/** A value for a field: its default (valid), or anything a TOML file may hold there. */
const valueFor = (fallback: unknown) =>
  fc.oneof(
    { arbitrary: fc.constant(fallback), weight: 12 },
    fc.string({ maxLength: 8 }),
    fc.constantFrom('', 'main', 'a/b', '/abs', '../up', 'github.com', 'Image', 'x y'),
    fc.integer({ min: -2, max: 70_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    fc.array(fc.integer(), { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  );

/** Partial configs of `kind` giving only fields holding no nested class. */
function flatConfigs(kind: ResourceKind) {
  const defaults = defaultsOf(kind);
  const cls = CONFIG_DTOS[kind];
  const fields = Object.keys(defaults).filter((key) => isFlatConfig(cls, { [key]: true }));
  return fc.subarray(fields, { maxLength: Math.min(4, fields.length) }).chain((given) =>
    fc.record(Object.fromEntries(given.map((key) => [key, valueFor(defaults[key])]))),
  );
}

describe('passesFlatCheck', () => {
  it.each(RESOURCE_KINDS.filter((kind) => !('type' in defaultsOf(kind))))(
    'given a flat %s config, when checked, then it passes exactly when class-validator finds nothing',
    (kind) => {
      let passed = 0;
      fc.assert(
        fc.property(flatConfigs(kind), (config) => {
          const passes = passesFlatCheck(CONFIG_DTOS[kind], config);
          if (passes) passed++;
          expect(passes).toBe(fullErrors(kind, config).length === 0);
        }),
        { numRuns: 400 },
      );
      // Most generated configs are valid: the flat check is what answers them.
      expect(passed).toBeGreaterThan(10);
    },
  );

  it('given a field holding a nested class, an alias or an unknown key, when checked, then it is left to the full check', () => {
    expect(passesFlatCheck(CONFIG_DTOS.Stack, { pre_deploy: { command: 'true' } })).toBe(false);
    expect(passesFlatCheck(CONFIG_DTOS.Stack, { server: 'edge' })).toBe(false);
    expect(passesFlatCheck(CONFIG_DTOS.Stack, { imagee: 'x' })).toBe(false);
    expect(passesFlatCheck(CONFIG_DTOS.Deployment, { image: { type: 'Image' } })).toBe(false);
    expect(isFlatConfig(CONFIG_DTOS.Stack, { server: 'edge', file_contents: 'x' })).toBe(true);
    expect(isFlatConfig(CONFIG_DTOS.Stack, { pre_deploy: {} })).toBe(false);
  });

  it('given a bad flat config, when validated, then the error is class-validator\'s, as before', () => {
    expect(validateConfig('Stack', { file_contents: 7 })).toEqual({
      ok: false,
      errors: [{ field: 'file_contents', message: 'file_contents must be a string (got number 7)' }],
    });
    expect(validateConfig('Stack', { file_contents: 'services: {}', server: 'edge' })).toEqual({
      ok: true,
      config: { file_contents: 'services: {}', server_id: 'edge' },
    });
  });
});
