/** The agent's answers are declared once, in the contracts' agent catalogue. */
export type {
  DiskUsage,
  SystemInformation,
  SystemProcess,
  SystemStats,
} from '@monitor/contracts';
