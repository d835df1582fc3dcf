import { KIND_REQUESTS } from '@monitor/contracts';
import { RESOURCE_KINDS } from '@monitor/domain';
import { listFieldName } from '../../apps/gateway/src/graphql/resource-queries';
import { eventually } from '../support/eventually';
import { sharedGraphqlSession } from '../support/graphql';

type Named = { id: string; name: string } | null;

describe('GraphQL mutations', () => {
  const session = sharedGraphqlSession({ type: 'Stack', id: 'readable' }, (admin) =>
    admin.write('CreateStack', { name: 'readable' }),
  );

  it.each(RESOURCE_KINDS)('creates, reads back, renames and deletes a %s', async (kind) => {
    const names = KIND_REQUESTS[kind];
    const name = `gql-${kind.toLowerCase()}`;
    const created = await session.gql.ok<Record<string, { _id: { $oid: string } }>>(
      `mutation($params: JSON!) { ${names.create.name}(params: $params) }`,
      { params: { name } },
    );
    const id = created[names.create.name]._id.$oid;
    const read = async (by: string) =>
      (
        await session.gql.ok<{ resource: Named }>(
          `query($by: String) { resource(kind: ${kind}, ${by}: $by) { id name } }`,
          { by: by === 'id' ? id : name },
        )
      ).resource;
    expect(await read('id')).toEqual({ id, name });
    expect(await read('name')).toEqual({ id, name });
    const list = listFieldName(kind);
    const listed = await session.gql.ok<Record<string, { edges: { node: unknown }[] }>>(
      `{ ${list}(filter: { query: "${name}" }) { edges { node { id config { __typename } } } } }`,
    );
    expect(listed[list].edges).toEqual([{ node: { id, config: { __typename: `${kind}Config` } } }]);
    await session.gql.ok(
      `mutation { ${names.rename.name}(params: { id: "${id}", name: "${name}-2" }) }`,
    );
    expect(await read('id')).toEqual({ id, name: `${name}-2` });
    await session.gql.ok(`mutation { ${names.delete.name}(params: { id: "${id}" }) }`);
    expect(await read('id')).toBeNull();
  });

  it('runs an execution: RunProcedure of an empty Procedure answers its Update', async () => {
    await session.admin.write('CreateProcedure', { name: 'empty', config: { stages: [] } });
    const data = await session.gql.ok<{
      RunProcedure: { _id: { $oid: string }; operation: string };
    }>('mutation { RunProcedure(params: { procedure: "empty" }) }');
    expect(data.RunProcedure.operation).toBe('RunProcedure');
    const updateId = data.RunProcedure._id.$oid;
    await eventually(async () => {
      const update = await session.admin.read<{ status: string; success: boolean }>('GetUpdate', {
        id: updateId,
      });
      expect(update).toMatchObject({ status: 'Complete', success: true });
    });
  });

  it("refuses a Read-only user's mutation with the RPC's code and message, changing nothing", async () => {
    const before = session.monitor.runtime.readModel.resource('Stack', 'readable');
    const answer = await session.reader.post(
      `mutation { UpdateStack(params: { id: "readable", config: { project_name: "x" } }) }`,
    );
    expect(answer.data).toEqual({ UpdateStack: null });
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Write/),
      extensions: { code: 'FORBIDDEN', status: 403 },
    });
    expect(session.monitor.runtime.readModel.resource('Stack', 'readable')).toEqual(before);
  });

  it('refuses bad params naming the field, as the RPC does', async () => {
    const answer = await session.gql.post('mutation { CreateDeployment(params: { config: {} }) }');
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^CreateDeployment: name/),
      extensions: { code: 'VALIDATION', status: 400 },
    });
  });
});
