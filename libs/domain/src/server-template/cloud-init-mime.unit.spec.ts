import { composeMultipart, parseMultipart } from './cloud-init-mime';

describe("cloud-init's MIME multipart", () => {
  it('writes the parts as cloud-init make-mime does, and reads them back', () => {
    const doc = composeMultipart([
      { contentType: 'text/x-shellscript', body: '#!/bin/sh\necho hi\n' },
      { contentType: 'text/cloud-config', body: '#cloud-config\nruncmd: [ls]\n' },
    ]);
    expect(doc).toBe(
      [
        'Content-Type: multipart/mixed; boundary="===============MONITOR=="',
        'MIME-Version: 1.0',
        '',
        '--===============MONITOR==',
        'Content-Type: text/x-shellscript; charset="us-ascii"',
        'MIME-Version: 1.0',
        'Content-Transfer-Encoding: 7bit',
        '',
        '#!/bin/sh',
        'echo hi',
        '',
        '--===============MONITOR==',
        'Content-Type: text/cloud-config; charset="us-ascii"',
        'MIME-Version: 1.0',
        'Content-Transfer-Encoding: 7bit',
        '',
        '#cloud-config',
        'runcmd: [ls]',
        '',
        '--===============MONITOR==--',
        '',
      ].join('\n'),
    );
    expect(parseMultipart(doc)).toEqual([
      { contentType: 'text/x-shellscript', body: '#!/bin/sh\necho hi\n' },
      { contentType: 'text/cloud-config', body: '#cloud-config\nruncmd: [ls]\n' },
    ]);
  });

  it.each([
    ['without a final newline', '#!/bin/sh\necho hi'],
    ['ending in blank lines', '#!/bin/sh\necho hi\n\n\n'],
    ['with a line that looks like our boundary', '#!/bin/sh\necho --===============MONITOR==\n'],
    ['with non-ASCII text', '#!/bin/sh\necho "grüße 🚀"\n'],
    ['with CRLF line ends', '#!/bin/sh\r\necho hi\r\n'],
    ['with a very long line', `#!/bin/sh\necho ${'x'.repeat(2000)}\n`],
    ['empty', ''],
  ])('gives a body back byte for byte: %s', (_, body) => {
    const doc = composeMultipart([{ contentType: 'text/x-shellscript', body }]);
    expect(parseMultipart(doc)).toEqual([{ contentType: 'text/x-shellscript', body }]);
  });

  it('encodes in base64 only what cannot travel as it is', () => {
    const doc = composeMultipart([{ contentType: 'text/x-shellscript', body: 'echo "ü"\n' }]);
    expect(doc).toContain('Content-Type: text/x-shellscript; charset="utf-8"');
    expect(doc).toContain('Content-Transfer-Encoding: base64');
    expect(doc).not.toContain('ü');
  });

  it('places a nested multipart document whole, its headers its own', () => {
    const inner = composeMultipart([{ contentType: 'text/x-shellscript', body: '#!/bin/sh\n' }]);
    const doc = composeMultipart([
      { contentType: 'multipart/mixed', body: inner },
      { contentType: 'text/cloud-config', body: '#cloud-config\n' },
    ]);
    const parts = parseMultipart(doc);
    expect(parts.map((p) => p.contentType)).toEqual(['multipart/mixed', 'text/cloud-config']);
    expect(parts[0].body).toBe(inner);
    expect(parseMultipart(parts[0].body)).toEqual([
      { contentType: 'text/x-shellscript', body: '#!/bin/sh\n' },
    ]);
    expect(doc).toContain('boundary="===============MONITOR1=="');
  });

  it('refuses to read what is not a multipart document', () => {
    expect(() => parseMultipart('#!/bin/sh\n')).toThrow('not a multipart document');
    expect(() => parseMultipart('Content-Type: multipart/mixed; boundary="b"\n\n--b\nx\n')).toThrow(
      /closing boundary/,
    );
  });
});
