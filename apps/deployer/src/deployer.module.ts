import { Module } from '@nestjs/common';
import { ResourceLifecycleModule, TagsController } from '@monitor/runtime';
import { ServersModule } from './servers/servers.module';

/** The deployer owns Servers, Deployments, Stacks and ServerTemplates (and hosts tags). */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('deployer', [
      'Server',
      'Deployment',
      'Stack',
      'ServerTemplate',
    ]),
    ServersModule,
  ],
  controllers: [TagsController],
})
export class DeployerModule {}
