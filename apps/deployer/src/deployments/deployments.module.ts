import { Module, type OnModuleInit } from '@nestjs/common';
import { ContainerObservers } from '../observation/container-observers';
import { ImageUpdateWatcher } from '../observation/image-update-watcher';
import { ObservationModule } from '../observation/observation.module';
import { DeploymentContext } from './deployment-context';
import { DeploymentExecutions } from './deployment-executions';
import { DeploymentExecutionsController } from './deployment-executions.controller';
import { DeploymentImageCheck } from './deployment-image-check';
import { DeploymentObserver } from './deployment-observer';
import { DeploymentQueriesController } from './deployment-queries.controller';
import { RedeployOnBuild } from './redeploy-on-build';

/**
 * Deployments: their executions and reads; their part of polling and of the image checks; the
 * redeploy after a build of their image.
 */
@Module({
  imports: [ObservationModule],
  controllers: [DeploymentExecutionsController, DeploymentQueriesController],
  providers: [
    DeploymentContext,
    DeploymentExecutions,
    DeploymentImageCheck,
    DeploymentObserver,
    RedeployOnBuild,
  ],
})
export class DeploymentsModule implements OnModuleInit {
  constructor(
    private readonly observers: ContainerObservers,
    private readonly watcher: ImageUpdateWatcher,
    private readonly observer: DeploymentObserver,
    private readonly imageCheck: DeploymentImageCheck,
  ) {}

  onModuleInit(): void {
    this.observers.add(this.observer);
    this.watcher.add(this.imageCheck);
  }
}
