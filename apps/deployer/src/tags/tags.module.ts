import { Module } from '@nestjs/common';
import { TagsController } from './tags.controller';

/** Tags: cross-cutting and tiny, hosted by the deployer (the gateway only reads them). */
@Module({ controllers: [TagsController] })
export class TagsModule {}
