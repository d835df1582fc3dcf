import { HOST_POWERS } from '@monitor/domain';
import { MaintenanceWindowDto } from './common.dto';
import { AbsolutePaths } from './absolute-path';
import { Bool, NestedList, Num, OneOfEach, Str, Strs } from './rules';

export class ServerConfigDto {
  @Str() address?: string;
  @Bool() insecure_tls?: boolean;
  @Str() external_address?: string;
  @Str() region?: string;
  @Bool() enabled?: boolean;
  @Bool() auto_rotate_keys?: boolean;
  @Str() passkey?: string;
  /** Mount points as the host reports them: absolute by nature. */
  @Strs() ignore_mounts?: string[];
  @Bool() auto_prune?: boolean;
  @Strs() links?: string[];
  @Bool() stats_monitoring?: boolean;
  @Bool() send_unreachable_alerts?: boolean;
  @Bool() send_cpu_alerts?: boolean;
  @Bool() send_mem_alerts?: boolean;
  @Bool() send_disk_alerts?: boolean;
  @Bool() send_version_mismatch_alerts?: boolean;
  @Num(0, 100) cpu_warning?: number;
  @Num(0, 100) cpu_critical?: number;
  @Num(0, 100) mem_warning?: number;
  @Num(0, 100) mem_critical?: number;
  @Num(0, 100) disk_warning?: number;
  @Num(0, 100) disk_critical?: number;
  @NestedList(() => MaintenanceWindowDto) maintenance_windows?: MaintenanceWindowDto[];
  @OneOfEach(HOST_POWERS) user_host_powers?: string[];
  @AbsolutePaths() user_bind_paths?: string[];
}
