import { KIND_REQUESTS, REQUESTS } from '@monitor/contracts';
import { KINDS } from '../kinds';
import { EXECUTIONS } from '../resources/executions';
import type { ApiClient } from './client';

/**
 * The UI's calls are typed by the catalogue: only its names, with their params, answering their
 * types. What must not compile is marked `@ts-expect-error`, checked by `tsc -p apps/web`.
 */
export async function callsTheCompilerRefuses(api: ApiClient) {
  // @ts-expect-error no such request
  await api.read('GetNothing');
  // @ts-expect-error a write is not a read
  await api.read('CreateStack', { name: 'web' });
  // @ts-expect-error GetStack needs the stack
  await api.read('GetStack');
  // @ts-expect-error Deploy names a deployment, not a stack
  await api.execute('Deploy', { stack: 'web' });
  // @ts-expect-error ListTags answers tags, not a string
  const tags: string = await api.read('ListTags');
  // @ts-expect-error the password is a manage request of the auth routes, not a write
  await api.write('UpdatePassword', { password: 'x' });
  // @ts-expect-error a user's id is always answered
  const id: undefined = (await api.read('ListUsers'))[0]._id;
  // @ts-expect-error a container's health is Docker's verdict, not any text
  const health: 'fine' = (await api.read('ListContainers', { server: 's' }))[0].health;
  return [tags, id, health];
}

describe('the web UI calls the catalogue', () => {
  it("names each kind's requests as the catalogue declares them", () => {
    for (const spec of KINDS) {
      const declared = KIND_REQUESTS[spec.kind];
      for (const [request, name] of Object.entries(spec.requests)) {
        expect([spec.kind, request, name]).toEqual([
          spec.kind,
          request,
          declared[request as keyof typeof declared].name,
        ]);
      }
    }
  });

  it('offers only executions the catalogue has', () => {
    const offered = Object.values(EXECUTIONS).flatMap((xs) => xs.map((x) => x.request));
    expect(offered.length).toBeGreaterThan(20);
    for (const request of offered) expect(REQUESTS.execute).toHaveProperty(request);
  });
});
