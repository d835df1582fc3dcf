/** Without a username, the one GitHub and Gitea accept alongside a token. */
const DEFAULT_USERNAME = 'x-access-token';

/**
 * Answers git's credential requests with the token held in the environment; a shell builtin
 * prints it, so it is in no argv (visible to every user in `ps`) and in no file.
 */
const HELPER =
  '!f() { test "$1" = get && printf \'username=%s\\npassword=%s\\n\' "$MONITOR_GIT_USERNAME" "$MONITOR_GIT_TOKEN"; }; f';

export interface GitCredentials {
  /** Added to git's environment. */
  env: Record<string, string>;
  /** What to mask in what git prints. */
  secrets: string[];
}

/**
 * The token goes to the repository's origin alone. A credential helper scoped to that origin
 * (`credential.<origin>.helper`) is asked only when that origin answers 401; git asks again, and
 * gets nothing, for any other origin it was redirected to. An `http.extraHeader` would not do:
 * after a redirect git 2.39 sends it on to the new origin with every later request. The token
 * is not in the remote URL (kept in `.git/config`); prompts and other helpers are off, so a
 * wrong token fails instead of hanging or being stored.
 */
export function gitCredentials(
  url: string,
  username: string | undefined,
  token: string | undefined,
): GitCredentials {
  const config: [string, string][] = [['credential.helper', '']];
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
  };
  const secrets: string[] = [];
  if (token) {
    const name = username ?? DEFAULT_USERNAME;
    config.push([`credential.${new URL(url).origin}.helper`, HELPER]);
    env.MONITOR_GIT_USERNAME = name;
    env.MONITOR_GIT_TOKEN = token;
    const basic = Buffer.from(`${name}:${token}`).toString('base64');
    secrets.push(token, basic, encodeURIComponent(token));
  }
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return { env, secrets };
}
