import 'reflect-metadata';
import { runMain, runService } from '@monitor/runtime';
import { BuilderModule } from './builder.module';

runMain(() => runService('builder', BuilderModule));
