import { CreateTagDto, REQUESTS } from '@monitor/contracts';
import type { Principal } from '../auth/principal';
import { RequestRegistry, type RequestContext } from './request-registry';

const context: RequestContext = {
  meta: { userId: 'u1', via: 'api', correlationId: 'c1' },
  principal: {} as Principal,
};

describe('RequestRegistry', () => {
  it("validates a request's params by its entry's DTO and hands the handler that DTO", async () => {
    const registry = new RequestRegistry();
    const handled: unknown[] = [];
    registry.handle(REQUESTS.write.CreateTag, async (params) => {
      handled.push(params);
      return { name: params.name } as never;
    });
    const definition = registry.find('write', 'CreateTag')!;

    const accepted = definition.accept({ name: 'prod' });
    if (!accepted.ok) throw new Error('refused');
    expect(accepted.value.params).toBeInstanceOf(CreateTagDto);
    expect(await accepted.value.run(context)).toEqual({ name: 'prod' });
    expect(handled).toEqual([accepted.value.params]);

    const refused = definition.accept({ name: 'prod', owner: 'me' });
    expect(refused).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'owner' })],
    });
    expect(handled).toHaveLength(1);
  });

  it("types a handler's params by its entry: another request's param does not compile", () => {
    const registry = new RequestRegistry();
    registry.handle(REQUESTS.write.CreateTag, async (params) => {
      // @ts-expect-error: CreateTag's params have no `deployment`
      return { name: params.deployment } as never;
    });
    expect(registry.list()).toEqual([{ verb: 'write', name: 'CreateTag' }]);
  });
});
