import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { runMain, stopOnSignal } from '@monitor/runtime';
import { startMonitor } from './monitor-app';

/** `npm start`: Monitor in one process, nothing else to install. */
runMain(async () => {
  const monitor = await startMonitor(loadConfig());
  stopOnSignal(monitor.app, monitor.runtime);
});
