/** Signs the benchmark's first user up on a fresh Monitor (it becomes the admin): its JWT. */
export async function signUp(
  url: string,
  username = 'benchmarker',
  password = 'a long secret passphrase',
): Promise<string> {
  const response = await fetch(`${url}/auth/login/SignUpLocalUser`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { jwt?: string };
  if (!body.jwt) throw new Error(`sign-up refused (${response.status}): ${JSON.stringify(body)}`);
  return body.jwt;
}
