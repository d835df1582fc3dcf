import { dockerignore, hasExceptions } from './dockerignore';

describe('.dockerignore, as the docker CLI reads it', () => {
  const ignored = dockerignore(
    [
      '# secrets stay out',
      '.env',
      '/.git',
      'node_modules',
      '**/*.log',
      'docs/*.md',
      '!docs/README.md',
      'tmp?',
      'build/[ab]*',
      '',
    ].join('\n'),
  );

  it('leaves out what a line matches, and what is inside a folder it matches', () => {
    for (const path of [
      '.env',
      '.git',
      '.git/config',
      'node_modules/x/index.js',
      'a/b/c.log',
      'x.log',
      'docs/guide.md',
      'tmp1',
      'build/a1',
    ])
      expect([path, ignored(path)]).toEqual([path, true]);
  });

  it('keeps the rest, and what a later ! line takes back', () => {
    for (const path of [
      'Dockerfile',
      'src/.env.example',
      'docs/README.md',
      'docs/sub/guide.md',
      'tmp12',
      'build/c1',
      'src/main.ts',
    ])
      expect([path, ignored(path)]).toEqual([path, false]);
  });

  it('knows when an ignored folder must still be looked into', () => {
    expect(hasExceptions('a\n  !a/keep')).toBe(true);
    expect(hasExceptions('a\n# !not')).toBe(false);
  });
});
