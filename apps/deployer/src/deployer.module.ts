import { Module } from '@nestjs/common';
import { ResourceLifecycleModule } from '@monitor/runtime';
import { DeploymentContext } from './deployments/deployment-context';
import { DeploymentExecutions } from './deployments/deployment-executions';
import { DeploymentExecutionsController } from './deployments/deployment-executions.controller';
import { DeploymentQueriesController } from './deployments/deployment-queries.controller';
import { DeploymentImageCheck } from './deployments/deployment-image-check';
import { ImageUpdateWatcher } from './servers/image-update-watcher';
import { StackImageCheck } from './stacks/stack-image-check';
import { ServersModule } from './servers/servers.module';
import { StackController } from './stacks/stack.controller';
import { StackExecutions } from './stacks/stack-executions';
import { StackSource } from './stacks/stack-source';
import { TagsController } from './tags/tags.controller';

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
  controllers: [
    TagsController,
    DeploymentExecutionsController,
    DeploymentQueriesController,
    StackController,
  ],
  providers: [
    DeploymentContext,
    DeploymentExecutions,
    DeploymentImageCheck,
    StackImageCheck,
    ImageUpdateWatcher,
    StackExecutions,
    StackSource,
  ],
})
export class DeployerModule {}
