import { consoleLogger } from './process-logger';

describe('consoleLogger', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  });
  afterEach(() => jest.restoreAllMocks());

  const speak = (logger: ReturnType<typeof consoleLogger>) => {
    logger.log('started');
    logger.warn('no passkey');
    logger.error('failed', 'at stack');
  };

  it('writes every line at the default level, errors with their stack to stderr', () => {
    speak(consoleLogger('Agent'));
    expect(out.join('')).toMatch(/ LOG \[Agent\] started\n.* WARN \[Agent\] no passkey\n$/);
    expect(err.join('')).toMatch(/ ERROR \[Agent\] failed\nat stack\n$/);
  });

  it('keeps warnings and errors at warn, only errors at error', () => {
    speak(consoleLogger('Agent', 'warn'));
    expect(out.join('')).not.toContain('started');
    expect(out.join('')).toContain('no passkey');
    out = [];
    speak(consoleLogger('Agent', 'error'));
    expect(out).toEqual([]);
    expect(err.join('')).toContain('failed');
  });
});
