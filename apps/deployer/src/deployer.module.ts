import { Module } from '@nestjs/common';
import { ResourceLifecycleModule, TagsController } from '@monitor/runtime';

/** The deployer owns Servers, Deployments, Stacks and ServerTemplates (and hosts tags). */
@Module({
  imports: [
    ResourceLifecycleModule.forKinds('deployer', [
      'Server',
      'Deployment',
      'Stack',
      'ServerTemplate',
    ]),
  ],
  controllers: [TagsController],
})
export class DeployerModule {}
