export * from './subjects';
export * from './bus-error';
export * from './bus-exception.filter';
export * from './bus-validation.pipe';
export * from './bus-controller.decorator';
export * from './bus-client';
export * from './bus.module';
export { InProcessBroker } from './in-process/in-process.broker';
export { InProcessClient } from './in-process/in-process.client';
export {
  InProcessServer,
  InProcessContext,
  IN_PROCESS_TRANSPORT,
} from './in-process/in-process.server';
