import { Module } from '@nestjs/common';
import { ScheduledRunStarter } from './scheduled-run-starter';
import { Scheduler } from './scheduler';

/** Procedures' and Actions' schedules: every replica ticks, one claims each tick. */
@Module({ providers: [ScheduledRunStarter, Scheduler] })
export class SchedulesModule {}
