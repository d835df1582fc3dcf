import { MessagePattern } from '@nestjs/microservices';

/**
 * Registers handlers under subjects that are only known at start-up (one per kind and
 * request), as if each method had been written with `@MessagePattern(subject, { queue })`.
 */
export function registerMessageHandlers(
  controller: abstract new (...args: never[]) => unknown,
  handlers: {
    method: string;
    subject: string;
    queue: string; // eslint-disable-next-line @typescript-eslint/no-explicit-any
    run: (this: any, payload: any) => unknown;
  }[],
): void {
  for (const { method, subject, queue, run } of handlers) {
    const descriptor: PropertyDescriptor = { value: run, writable: true, configurable: true };
    Object.defineProperty(controller.prototype, method, descriptor);
    MessagePattern(subject, { queue })(controller.prototype, method, descriptor);
  }
}
