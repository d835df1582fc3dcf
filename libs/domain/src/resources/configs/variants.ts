import type { ResourceKind } from '../../kinds';
import {
  defaultAwsBuilderConfig,
  defaultServerBuilderConfig,
  defaultUrlBuilderConfig,
} from '../../builder/builder.config';
import {
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
} from '../../server-template/server-template.config';

/** Kinds whose whole config is `{ type, params }`: each variant's params and their defaults. */
export const CONFIG_VARIANTS: Partial<Record<ResourceKind, Record<string, () => object>>> = {
  Builder: {
    Url: defaultUrlBuilderConfig,
    Server: defaultServerBuilderConfig,
    Aws: defaultAwsBuilderConfig,
  },
  ServerTemplate: {
    Aws: defaultAwsServerTemplateConfig,
    Hetzner: defaultHetznerServerTemplateConfig,
  },
};
