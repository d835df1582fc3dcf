export * from './procedure-run';
export * from './procedure-run.decider';
export * from './procedure-run.resume';
export * from './run-update';
