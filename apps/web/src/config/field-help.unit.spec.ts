import {
  defaultAwsBuilderConfig,
  defaultServerBuilderConfig,
  defaultUrlBuilderConfig,
  KIND_SPECS,
  type ResourceKind,
} from '@monitor/contracts';
import { FIELD_HELP, fieldHelp, PARAM_HELP } from './field-help';

const KINDS = Object.keys(KIND_SPECS) as ResourceKind[];

describe('field help of the web UI', () => {
  it('covers the eleven kinds', () => {
    expect(KINDS).toHaveLength(11);
    expect(Object.keys(FIELD_HELP).sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)('has a help text for every config field of %s', (kind) => {
    const missing = Object.keys(KIND_SPECS[kind].defaults()).filter(
      (field) => !fieldHelp(kind, field)?.trim(),
    );
    expect(missing).toEqual([]);
  });

  it.each(KINDS)('names no field that a %s config lacks', (kind) => {
    const fields = new Set(Object.keys(KIND_SPECS[kind].defaults()));
    const unknown = Object.keys(FIELD_HELP[kind]).filter((field) => !fields.has(field));
    expect(unknown).toEqual([]);
  });

  it.each(KINDS)('writes the help of %s as one sentence of at most 140 characters', (kind) => {
    const bad = Object.entries(FIELD_HELP[kind]).filter(
      ([, text]) => !text || !text.endsWith('.') || text.length > 140,
    );
    expect(bad).toEqual([]);
  });

  it('knows nothing of a field no config has', () => {
    expect(fieldHelp('Server', 'no_such_field')).toBeUndefined();
  });
});

describe("a Builder's params help", () => {
  const variants = {
    Url: defaultUrlBuilderConfig(),
    Server: defaultServerBuilderConfig(),
    Aws: defaultAwsBuilderConfig(),
  };

  it.each(Object.entries(variants))('explains every param of a %s builder', (_, params) => {
    const missing = Object.keys(params).filter((p) => !PARAM_HELP.Builder?.[p]?.trim());
    expect(missing).toEqual([]);
  });

  it('writes each as one sentence of at most 140 characters', () => {
    const bad = Object.entries(PARAM_HELP.Builder ?? {}).filter(
      ([, text]) => !text || !text.endsWith('.') || text.length > 140,
    );
    expect(bad).toEqual([]);
  });
});
