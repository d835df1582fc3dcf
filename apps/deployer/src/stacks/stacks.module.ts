import { Module, type OnModuleInit } from '@nestjs/common';
import { ContainerObservers } from '../observation/container-observers';
import { ImageUpdateWatcher } from '../observation/image-update-watcher';
import { ObservationModule } from '../observation/observation.module';
import { StackController } from './stack.controller';
import { StackExecutions } from './stack-executions';
import { StackImageCheck } from './stack-image-check';
import { StackObserver } from './stack-observer';
import { StackSource } from './stack-source';

/** Stacks: their executions and reads; their part of polling and of the image checks. */
@Module({
  imports: [ObservationModule],
  controllers: [StackController],
  providers: [StackExecutions, StackImageCheck, StackObserver, StackSource],
})
export class StacksModule implements OnModuleInit {
  constructor(
    private readonly observers: ContainerObservers,
    private readonly watcher: ImageUpdateWatcher,
    private readonly observer: StackObserver,
    private readonly imageCheck: StackImageCheck,
  ) {}

  onModuleInit(): void {
    this.observers.add(this.observer);
    this.watcher.add(this.imageCheck);
  }
}
