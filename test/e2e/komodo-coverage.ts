import type { KomodoRequest, KomodoVerb } from './komodo-types';

const VERBS: KomodoVerb[] = ['read', 'write', 'execute'];

/** Params of Komodo's request types that Monitor accepts and does not (fully) act on yet, and why. */
const NOT_HONOURED = [
  '`sort_by` of `List<Kind>s` orders by the list item field it names (`State`, `Region`,',
  "  `Image`, `Host`, `Repo`, `Branch`, `InstanceType`, `NextRun`...); one Monitor's items do",
  '  not hold leaves them in name order. `sort_desc` reverses.',
  '`template` of `UpdateResourceMeta`: Monitor has no resource templates; every resource',
  '  answers `template: false`.',
  "`public_key` of `CreateServer`, `CopyServer`: Monitor's agents check a passkey and signed",
  "  requests, not Komodo 2's key pair.",
];

/**
 * docs/komodo-coverage.md: per verb, the komodo_client 2.3.2 requests Monitor does not answer
 * yet, and the requests Monitor answers that Komodo 2.3.2 does not have.
 */
export function coverageDoc(komodo: KomodoRequest[], answered: Set<string>): string {
  const komodoKeys = new Set(komodo.map(({ verb, name }) => `${verb}/${name}`));
  const lines = [
    '# Komodo 2.3.2 coverage',
    '',
    "Generated from `komodo_client` 2.3.2's request unions (`ReadRequest`, `WriteRequest`,",
    "`ExecuteRequest` in its types.d.ts) and the requests Monitor's gateway registers: run",
    '`npm run docs:komodo` after adding a request. `test/e2e/komodo-requests.e2e.spec.ts` fails',
    'when this page is out of date, and sends every request Monitor answers with the full param',
    'set of its Komodo type (no param Komodo has is refused).',
  ];
  for (const verb of VERBS) {
    const ofVerb = komodo.filter((r) => r.verb === verb);
    const missing = ofVerb.filter(({ name }) => !answered.has(`${verb}/${name}`));
    lines.push(
      '',
      `## /${verb}: ${ofVerb.length - missing.length} of ${ofVerb.length} answered`,
      '',
      'Not answered yet:',
      '',
      ...missing.map(({ name }) => `- \`${name}\``),
    );
  }
  lines.push(
    '',
    '## Params accepted, not (fully) honoured yet',
    '',
    ...NOT_HONOURED.map((line) => (line.startsWith(' ') ? line : `- ${line}`)),
  );
  const own = [...answered].filter((key) => !komodoKeys.has(key)).sort();
  lines.push(
    '',
    "## Monitor's own requests",
    '',
    'Answered by Monitor, not in Komodo 2.3.2: Komodo 1.x names kept as aliases (`ListDocker*`,',
    '`InspectDockerContainer`), the ServerTemplate kind Komodo 2 dropped, and additions of',
    "Monitor's own (history, variable use grants, rollback).",
    '',
    ...own.map((key) => `- \`/${key}\``),
    '',
  );
  return lines.join('\n');
}
