export * from './server-launch';
export * from './server-launch.decider';
export * from './unfinished-launch';
export * from './launched-template';
export * from './cleanup-alert';
export * from './launch-mark';
export * from './launch-checks';
