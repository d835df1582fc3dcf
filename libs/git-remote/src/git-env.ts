/** Without a username, the one GitHub and Gitea accept alongside a token. */
const DEFAULT_USERNAME = 'x-access-token';

/**
 * Answers git's credential requests with the token held in the environment; a shell builtin
 * prints it, so it is in no argv (visible to every user in `ps`) and in no file.
 */
const HELPER =
  '!f() { test "$1" = get && printf \'username=%s\\npassword=%s\\n\' "$MONITOR_GIT_USERNAME" "$MONITOR_GIT_TOKEN"; }; f';

/** What the core's own proxy settings say still applies to git. */
const PASSED_THROUGH = [
  'PATH',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
];

/**
 * git's whole environment for one read, built from nothing: the machine's and the user's git
 * config are not read (`home` is the throwaway folder), only http(s) may be spoken (no file://,
 * ext:: or ssh with its command, also after a redirect or in a submodule), no prompt, no
 * template hooks. The token is offered to the remote's origin alone, by a credential helper
 * scoped to it (as the agent does, apps/periphery/src/git/git-credentials.ts), never in argv.
 */
export function gitEnv(
  home: string,
  url: string,
  username: string | undefined,
  token: string | undefined,
): Record<string, string> {
  const env: Record<string, string> = {
    HOME: home,
    XDG_CONFIG_HOME: home,
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ALLOW_PROTOCOL: 'http:https',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_LITERAL_PATHSPECS: '1',
  };
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const config: [string, string][] = [
    ['credential.helper', ''],
    ['protocol.file.allow', 'never'],
    ['protocol.ext.allow', 'never'],
    ['init.templateDir', ''],
    ['core.hooksPath', '/dev/null'],
  ];
  if (token) {
    config.push([`credential.${new URL(url).origin}.helper`, HELPER]);
    env.MONITOR_GIT_USERNAME = username || DEFAULT_USERNAME;
    env.MONITOR_GIT_TOKEN = token;
  }
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}
