import {
  hetznerLabelKeyProblem,
  hetznerLabelsProblem,
  hetznerVolumeNameProblem,
  hetznerVolumeSizeProblem,
} from './hetzner-fields';

describe("a Hetzner template's fields", () => {
  it('volume sizes: 10 to 10240 GB', () => {
    expect(hetznerVolumeSizeProblem(10)).toBeUndefined();
    expect(hetznerVolumeSizeProblem(10240)).toBeUndefined();
    expect(hetznerVolumeSizeProblem(9)).toBe(
      'must be between 10 and 10240 GB for a Hetzner volume (got 9)',
    );
    expect(hetznerVolumeSizeProblem(10241)).toMatch(/got 10241/);
  });

  it('volume names', () => {
    for (const name of ['data', 'db-1', 'a', 'logs_2026.v2'])
      expect(hetznerVolumeNameProblem(name)).toBeUndefined();
    for (const name of ['', '-data', 'data-', 'my data', 'x'.repeat(64), 'dätä'])
      expect(hetznerVolumeNameProblem(name)).toMatch(/^must be 1 to 63/);
  });

  it('label keys: [prefix/]name, the prefix a DNS subdomain, hetzner.cloud reserved', () => {
    for (const key of ['env', 'app.kubernetes.io/name', 'example.com/tier', 'A_b-c.d'])
      expect(hetznerLabelKeyProblem(key)).toBeUndefined();
    expect(hetznerLabelKeyProblem('')).toMatch(/its name must be/);
    expect(hetznerLabelKeyProblem('Example.com/x')).toMatch(/prefix must be a DNS subdomain/);
    expect(hetznerLabelKeyProblem('/x')).toMatch(/prefix/);
    expect(hetznerLabelKeyProblem('hetzner.cloud/x')).toMatch(/Hetzner's own/);
    expect(hetznerLabelKeyProblem('lb.hetzner.cloud/x')).toMatch(/Hetzner's own/);
    expect(hetznerLabelKeyProblem('a/b/c')).toMatch(/prefix/);
    expect(hetznerLabelKeyProblem('k'.repeat(64))).toMatch(/name must be/);
  });

  it('labels: names the first bad key or value', () => {
    expect(hetznerLabelsProblem({ env: 'prod', team: '' })).toBeUndefined();
    expect(hetznerLabelsProblem({ env: 'prod', 'bad key': 'x' })).toBe(
      "must be Hetzner labels: key \"bad key\": its name must be 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
    );
    expect(hetznerLabelsProblem({ env: 'pr od' })).toMatch(
      /^must be Hetzner labels: value "pr od"/,
    );
    expect(hetznerLabelsProblem({ env: '-x' })).toMatch(/value "-x"/);
  });
});
