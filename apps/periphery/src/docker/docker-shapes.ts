/** The agent's answers are declared once, in the contracts' agent catalogue. */
export type {
  ContainerHealth,
  ContainerListItem,
  ContainerState,
  ImageListItem,
  NetworkListItem,
  PortItem,
  VolumeListItem,
} from '@monitor/contracts';

/** Komodo's Log, declared once in the domain (`ExecutionLog`): one step of an execution. */
export type { ExecutionLog as Log } from '@monitor/domain';
