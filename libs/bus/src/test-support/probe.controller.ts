import { Inject, Module, type DynamicModule } from '@nestjs/common';
import { BaseRpcContext, Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { IsInt, IsString, Min, MinLength } from 'class-validator';
import { setTimeout as sleep } from 'node:timers/promises';
import { BusController } from '../bus-controller.decorator';
import { BusError } from '../bus-error';
import { commandSubject, execSubject, querySubject, QUEUE_GROUPS } from '../subjects';

/** The subjects of the probe service that the bus specs drive over each transport. */
export const PROBE = {
  echo: querySubject('ProbeEcho'),
  subject: querySubject('ProbeSubject'),
  conflict: commandSubject('Probe', 'ConflictProbe'),
  crash: commandSubject('Probe', 'CrashProbe'),
  create: commandSubject('Probe', 'CreateProbe'),
  slow: querySubject('ProbeSlow'),
  whoAmI: execSubject('Probe', 'WhoAmI'),
  everyone: execSubject('Probe', 'Everyone'),
  noticed: 'notice.ProbeNoticed',
} as const;

export class CreateProbe {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsInt()
  @Min(1)
  replicas!: number;
}

/** What one probe app saw: its name, and the calls and events its handlers got. */
export class ProbeLog {
  readonly calls: string[] = [];
  readonly notices: unknown[] = [];
  constructor(readonly instance: string) {}
}

@BusController()
export class ProbeController {
  constructor(@Inject(ProbeLog) private readonly log: ProbeLog) {}

  @MessagePattern(PROBE.echo)
  echo(@Payload() payload: unknown): unknown {
    return { echoed: payload };
  }

  /**
   * A class-typed `@Ctx()` that the validation pipe must leave alone; the subject is its first
   * argument on both transports.
   */
  @MessagePattern(PROBE.subject)
  subject(@Payload() _payload: unknown, @Ctx() context: BaseRpcContext): unknown {
    return context.getArgByIndex(0);
  }

  @MessagePattern(PROBE.conflict)
  conflict(): never {
    throw new BusError('CONFLICT', 'probe p1 already exists', { name: 'p1' });
  }

  @MessagePattern(PROBE.crash)
  crash(): never {
    throw new Error('disk on fire');
  }

  @MessagePattern(PROBE.create)
  create(@Payload() dto: CreateProbe): { name: string; isDto: boolean } {
    return { name: dto.name, isDto: dto instanceof CreateProbe };
  }

  @MessagePattern(PROBE.slow)
  async slow(@Payload() { ms }: { ms: number }): Promise<string> {
    await sleep(ms);
    return 'late';
  }

  @MessagePattern(PROBE.whoAmI, { queue: QUEUE_GROUPS.deployer })
  whoAmI(): string {
    this.log.calls.push(PROBE.whoAmI);
    return this.log.instance;
  }

  /** No queue group: on NATS every app answers, the caller takes the first answer. */
  @MessagePattern(PROBE.everyone)
  everyone(): string {
    this.log.calls.push(PROBE.everyone);
    return this.log.instance;
  }

  @EventPattern(PROBE.noticed)
  noticed(@Payload() payload: unknown): void {
    this.log.notices.push(payload);
  }
}

@Module({})
export class ProbeModule {
  static named(instance: string): DynamicModule {
    return {
      module: ProbeModule,
      controllers: [ProbeController],
      providers: [{ provide: ProbeLog, useValue: new ProbeLog(instance) }],
    };
  }
}
