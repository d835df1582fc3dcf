import { readFileSync } from 'node:fs';
import { validateDto } from '../validation/validate-dto';
import { AUTH_REQUESTS } from './auth';
import { CATALOGUE_ENTRIES, REQUESTS, type AnswerOf, type RequestName } from './catalogue';
import type { Verb } from './entry';

/** The requests of a verb whose answer type the compiler could not resolve. */
type Unanswered<V extends Verb> = {
  [N in RequestName<V>]: [AnswerOf<V, N>] extends [never] ? N : never;
}[RequestName<V>];

/** Compiles only if `T` is `never`: checked by the type-check, not by jest. */
const noneOf = <T extends never>(names: T[]) => names;

describe('the request catalogue', () => {
  it('declares each request once per verb, under the name it is indexed by', () => {
    const keys = CATALOGUE_ENTRIES.map(({ verb, name }) => `${verb}/${name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const verb of ['read', 'write', 'execute'] as const) {
      for (const [name, entry] of Object.entries(REQUESTS[verb])) {
        expect([entry.verb, entry.name]).toEqual([verb, name]);
      }
    }
    expect(REQUESTS.write.CreateStack).toMatchObject({ verb: 'write', service: 'deployer' });
    expect(REQUESTS.read.GetDeploymentLog.access).toEqual({
      type: 'resource',
      kind: 'Deployment',
      param: 'deployment',
      level: 'Read',
      specific: ['Logs'],
    });
  });

  it('names, in every resource rule, a param its DTO requires (the check never meets a missing one)', () => {
    const rules = CATALOGUE_ENTRIES.filter((e) => e.access.type === 'resource');
    expect(rules.length).toBeGreaterThan(80);
    for (const entry of rules) {
      const param = entry.access.type === 'resource' ? entry.access.param : '';
      const empty = validateDto(entry.dto, {});
      const fields = empty.ok ? [] : empty.errors.map((e) => e.field);
      expect([entry.name, fields]).toEqual([entry.name, expect.arrayContaining([param])]);
    }
  });

  it("answers, where it says Komodo's, a request komodo_client 2.3.2 has under that verb", () => {
    const responses = readFileSync(require.resolve('komodo_client/dist/responses.d.ts'), 'utf8');
    const komodo = (verb: Verb) => {
      const block = new RegExp(
        `export type ${verb[0].toUpperCase()}${verb.slice(1)}Responses = \\{([^}]*)\\}`,
      ).exec(responses);
      return new Set([...(block?.[1] ?? '').matchAll(/^\s+(\w+):/gm)].map((m) => m[1]));
    };
    // Monitor's own requests and Komodo 1.x names; every other entry is Komodo's.
    const own = CATALOGUE_ENTRIES.filter(({ verb, name }) => !komodo(verb).has(name)).map(
      ({ verb, name }) => `${verb}/${name}`,
    );
    expect(own.sort()).toEqual(
      [
        'read/ListDockerContainers',
        'read/ListDockerImages',
        'read/ListDockerNetworks',
        'read/ListDockerVolumes',
        'read/InspectDockerContainer',
        'read/ListTargetPermissions',
        'read/GetVariablePermissions',
        'write/UpdateVariablePermission',
        'read/GetServerTemplate',
        'read/ListServerTemplates',
        'read/ListFullServerTemplates',
        'read/GetServerTemplatesSummary',
        'read/GetResourceHistory',
        'read/GetResourceAt',
        'execute/RollbackDeployment',
        'execute/RefreshStackCache',
        'execute/RefreshRepoCache',
        'execute/RefreshResourceSyncPending',
        'execute/WriteSyncFileContents',
        'execute/CommitSync',
        'execute/RefreshBuildCache',
        'execute/LaunchServer',
        'write/CreateServerTemplate',
        'write/CopyServerTemplate',
        'write/UpdateServerTemplate',
        'write/RenameServerTemplate',
        'write/DeleteServerTemplate',
        'write/UpdateTagsOnResource',
        'write/UpdateDescription',
        'read/ListAlertDeliveries',
        'write/RetryAlertDeliveries',
        'read/ListCloudAccounts',
        'read/GetCloudAccount',
        'write/CreateCloudAccount',
        'write/UpdateCloudAccount',
        'write/DeleteCloudAccount',
        'read/ListEventSubscriptions',
        'read/GetEventSubscription',
        'write/CreateEventSubscription',
        'write/UpdateEventSubscription',
        'write/DeleteEventSubscription',
        'read/ListEventSubscriptionDeliveries',
        'write/RetryEventSubscriptionDeliveries',
      ].sort(),
    );
    // Every answer resolves to a type: a Komodo marker on one of these would be `never`.
    noneOf<Unanswered<'read'> | Unanswered<'write'> | Unanswered<'execute'>>([]);
  });

  it("declares Komodo's auth requests by the route komodo_client's auth client sends them to", () => {
    const responses = readFileSync(require.resolve('mogh_auth_client/dist/responses.d.ts'), 'utf8');
    const routeOf = (name: string) => {
      const login = responses.indexOf('LoginResponses');
      const manage = responses.indexOf('ManageResponses');
      const at = responses.search(new RegExp(`\\b${name}:`));
      if (at < 0) return 'Monitor';
      return at > manage && manage > login ? 'manage' : 'login';
    };
    expect(Object.values(AUTH_REQUESTS).map((e) => [e.name, e.route, routeOf(e.name)])).toEqual([
      ['GetLoginOptions', 'login', 'login'],
      ['SignUpLocalUser', 'login', 'login'],
      ['LoginLocalUser', 'login', 'login'],
      ['CreateApiKey', 'manage', 'manage'],
      ['DeleteApiKey', 'manage', 'manage'],
      ['UpdatePassword', 'manage', 'manage'],
      ['Logout', 'manage', 'Monitor'],
    ]);
  });
});
