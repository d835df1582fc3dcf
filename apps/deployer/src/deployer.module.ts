import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { DeploymentsModule } from './deployments/deployments.module';
import { ServerTemplatesModule } from './server-templates/server-templates.module';
import { ServersModule } from './servers/servers.module';
import { StacksModule } from './stacks/stacks.module';
import { TagsModule } from './tags/tags.module';

/**
 * The deployer owns Servers, Deployments, Stacks and ServerTemplates (and hosts tags). Each
 * feature folder is a module of its own over the shared `observation/`; none imports another.
 */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('deployer', [
      'Server',
      'Deployment',
      'Stack',
      'ServerTemplate',
    ]),
    ServersModule,
    ServerTemplatesModule,
    DeploymentsModule,
    StacksModule,
    TagsModule,
  ],
})
export class DeployerModule {}
