import 'reflect-metadata';
import { runMain, runService } from '@monitor/runtime';
import { DeployerModule } from './deployer.module';

runMain(() => runService('deployer', DeployerModule));
