import type { Types } from 'komodo_client';
import {
  defaultAwsBuilderConfig,
  defaultUrlBuilderConfig,
  type BuilderConfig,
  type Resource,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { CONFIG_INFOS } from './kind-list-info';

const info = (config: BuilderConfig): Types.BuilderListItemInfo =>
  CONFIG_INFOS.Builder(
    { kind: 'Builder', id: 'b1', name: 'b', config } as Resource<'Builder'>,
    [],
    new ReadModel(),
  );

describe("ListBuilders' info, as Komodo's BuilderListItemInfo", () => {
  it('Url: the type, no instance type', () => {
    expect(info({ type: 'Url', params: defaultUrlBuilderConfig() })).toEqual({
      builder_type: 'Url',
      instance_type: undefined,
    });
  });

  it("Server: the servers' ids, comma separated, as Komodo joins them", () => {
    expect(info({ type: 'Server', params: { server_ids: ['s1', 's2'] } })).toEqual({
      builder_type: 'Server',
      instance_type: 's1, s2',
    });
  });

  it('Aws: the instance type', () => {
    const params = { ...defaultAwsBuilderConfig(), instance_type: 't3.large' };
    expect(info({ type: 'Aws', params })).toEqual({
      builder_type: 'Aws',
      instance_type: 't3.large',
    });
  });
});
