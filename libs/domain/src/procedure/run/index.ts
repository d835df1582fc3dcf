export * from './procedure-run';
export * from './procedure-run.decider';
