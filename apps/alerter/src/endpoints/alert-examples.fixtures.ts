import type { Alert, AlertData, AlertTarget, SeverityLevel } from '@monitor/domain';

export const LINK_BASE = 'https://monitor.example';

const server = { id: 's1', name: 'web-1', region: 'eu' };
const onServer = { server_id: 's1', server_name: 'web-1' };

function alert(level: SeverityLevel, target: AlertTarget, data: AlertData): Alert {
  return {
    id: '6750a1b2c3d4e5f6a7b8c9d0',
    ts: 1733480000000,
    resolved: false,
    level,
    target,
    data,
  };
}

/**
 * One alert per type, and the text expected for it, written as Komodo words it with `*x*` where
 * Slack bolds (Discord doubles the stars, plain text drops them) and `@LINK` for the link.
 */
export const EXAMPLES: { name: string; alert: Alert; text: string }[] = [
  {
    name: 'Test',
    alert: alert(
      'OK',
      { type: 'Alerter', id: 'a1' },
      { type: 'Test', data: { id: 'a1', name: 'ops' } },
    ),
    text: 'OK ✅ | If you see this message, then Alerter *ops* is *working*\n@LINK',
  },
  {
    name: 'SwarmUnhealthy',
    alert: alert(
      'CRITICAL',
      { type: 'System', id: '' },
      {
        type: 'SwarmUnhealthy',
        data: { id: 'w1', name: 'swarm', err: { error: 'no quorum', trace: [] } },
      },
    ),
    text: 'CRITICAL 🚨 | Swarm *swarm* is *unhealthy* ❌\nerror: no quorum',
  },
  {
    name: 'ServerUnreachable (open)',
    alert: alert(
      'CRITICAL',
      { type: 'Server', id: 's1' },
      {
        type: 'ServerUnreachable',
        data: {
          ...server,
          err: { error: 'connection refused', trace: ['dial tcp 10.0.0.1:8120'] },
        },
      },
    ),
    text: 'CRITICAL 🚨 | *web-1* (eu) is *unreachable* ❌\n@LINK\nerror: connection refused\ndial tcp 10.0.0.1:8120',
  },
  {
    name: 'ServerUnreachable (resolved)',
    alert: alert(
      'OK',
      { type: 'Server', id: 's1' },
      { type: 'ServerUnreachable', data: { id: 's1', name: 'web-1' } },
    ),
    text: 'OK ✅ | *web-1* is now *connected*\n@LINK',
  },
  {
    name: 'ServerCpu',
    alert: alert(
      'WARNING',
      { type: 'Server', id: 's1' },
      { type: 'ServerCpu', data: { ...server, percentage: 91.26 } },
    ),
    text: 'WARNING ‼️ | *web-1* (eu) cpu usage at *91.3%*\n@LINK',
  },
  {
    name: 'ServerMem',
    alert: alert(
      'CRITICAL',
      { type: 'Server', id: 's1' },
      { type: 'ServerMem', data: { ...server, used_gb: 7.5, total_gb: 8 } },
    ),
    text: 'CRITICAL 🚨 | *web-1* (eu) memory usage at *93.8%*💾\n\nUsing 7.5 GiB / 8.0 GiB\n@LINK',
  },
  {
    name: 'ServerDisk',
    alert: alert(
      'WARNING',
      { type: 'Server', id: 's1' },
      { type: 'ServerDisk', data: { ...server, path: '/var', used_gb: 45, total_gb: 50 } },
    ),
    text: 'WARNING ‼️ | *web-1* (eu) disk usage at *90.0%*💿\nmount point: "/var"\nusing 45.0 GiB / 50.0 GiB\n@LINK',
  },
  {
    name: 'ServerVersionMismatch',
    alert: alert(
      'WARNING',
      { type: 'Server', id: 's1' },
      {
        type: 'ServerVersionMismatch',
        data: { ...server, server_version: '1.0.0', core_version: '1.1.0' },
      },
    ),
    text: 'WARNING ‼️ | *web-1* (eu) | Version mismatch detected ⚠️\nPeriphery: 1.0.0 | Core: 1.1.0\n@LINK',
  },
  {
    name: 'ContainerStateChange',
    alert: alert(
      'WARNING',
      { type: 'Deployment', id: 'd1' },
      {
        type: 'ContainerStateChange',
        data: { id: 'd1', name: 'api', ...onServer, from: 'running', to: 'exited' },
      },
    ),
    text: '📦Deployment *api* is now *Exited 🛑*\nserver: web-1\nprevious: running\n@LINK',
  },
  {
    name: 'DeploymentImageUpdateAvailable',
    alert: alert(
      'OK',
      { type: 'Deployment', id: 'd1' },
      {
        type: 'DeploymentImageUpdateAvailable',
        data: { id: 'd1', name: 'api', ...onServer, image: 'nginx:1.27' },
      },
    ),
    text: '⬆ Deployment *api* has an update available\nserver: web-1\nimage: nginx:1.27\n@LINK',
  },
  {
    name: 'DeploymentAutoUpdated',
    alert: alert(
      'OK',
      { type: 'Deployment', id: 'd1' },
      {
        type: 'DeploymentAutoUpdated',
        data: { id: 'd1', name: 'api', ...onServer, image: 'nginx:1.27' },
      },
    ),
    text: '⬆ Deployment *api* was updated automatically\nserver: web-1\nimage: nginx:1.27\n@LINK',
  },
  {
    name: 'StackStateChange',
    alert: alert(
      'WARNING',
      { type: 'Stack', id: 'k1' },
      {
        type: 'StackStateChange',
        data: { id: 'k1', name: 'shop', ...onServer, from: 'running', to: 'down' },
      },
    ),
    text: '🥞 Stack *shop* is now *Down ⬇️*\nserver: web-1\nprevious: running\n@LINK',
  },
  {
    name: 'StackImageUpdateAvailable',
    alert: alert(
      'OK',
      { type: 'Stack', id: 'k1' },
      {
        type: 'StackImageUpdateAvailable',
        data: { id: 'k1', name: 'shop', ...onServer, service: 'db', image: 'postgres:17' },
      },
    ),
    text: '⬆ Stack *shop* has an update available\nserver: web-1\nservice: db\nimage: postgres:17\n@LINK',
  },
  {
    name: 'StackAutoUpdated',
    alert: alert(
      'OK',
      { type: 'Stack', id: 'k1' },
      {
        type: 'StackAutoUpdated',
        data: { id: 'k1', name: 'shop', ...onServer, images: ['postgres:17', 'redis:7'] },
      },
    ),
    text: '⬆ Stack *shop* was updated automatically ⏫\nserver: web-1\nimages: postgres:17, redis:7\n@LINK',
  },
  {
    name: 'AwsBuilderTerminationFailed',
    alert: alert(
      'CRITICAL',
      { type: 'Builder', id: 'b1' },
      {
        type: 'AwsBuilderTerminationFailed',
        data: { instance_id: 'i-0abc', message: 'access denied' },
      },
    ),
    text: 'CRITICAL 🚨 | Failed to terminate AWS builder instance\ninstance id: i-0abc\naccess denied',
  },
  {
    name: 'ResourceSyncPendingUpdates',
    alert: alert(
      'OK',
      { type: 'ResourceSync', id: 'y1' },
      { type: 'ResourceSyncPendingUpdates', data: { id: 'y1', name: 'infra' } },
    ),
    text: 'OK ✅ | Pending resource sync updates on *infra*\n@LINK',
  },
  {
    name: 'ResourceSyncDeletesHeld',
    alert: alert(
      'WARNING',
      { type: 'ResourceSync', id: 'y1' },
      {
        type: 'ResourceSyncDeletesHeld',
        data: { id: 'y1', name: 'infra', deletes: 30, scope: 40, commit: '1a2b3c4d' },
      },
    ),
    text: 'WARNING ‼️ | Resource sync *infra* *held* a webhook run: it would delete 30 of 40 at 1a2b3c4d\nrun it by hand with confirm_deletes = 30\n@LINK',
  },
  {
    name: 'BuildFailed',
    alert: alert(
      'CRITICAL',
      { type: 'Build', id: 'u1' },
      {
        type: 'BuildFailed',
        data: { id: 'u1', name: 'api-image', version: { major: 1, minor: 2, patch: 3 } },
      },
    ),
    text: 'CRITICAL 🚨 | Build *api-image* *failed*\nversion: v1.2.3\n@LINK',
  },
  {
    name: 'RepoBuildFailed',
    alert: alert(
      'CRITICAL',
      { type: 'Repo', id: 'r1' },
      { type: 'RepoBuildFailed', data: { id: 'r1', name: 'site' } },
    ),
    text: 'CRITICAL 🚨 | Repo build for *site* *failed*\n@LINK',
  },
  {
    name: 'ProcedureFailed',
    alert: alert(
      'CRITICAL',
      { type: 'Procedure', id: 'p1' },
      { type: 'ProcedureFailed', data: { id: 'p1', name: 'nightly' } },
    ),
    text: 'CRITICAL 🚨 | Procedure *nightly* *failed*\n@LINK',
  },
  {
    name: 'ActionFailed',
    alert: alert(
      'CRITICAL',
      { type: 'System', id: '' },
      { type: 'ActionFailed', data: { id: 'x1', name: 'cleanup' } },
    ),
    text: 'CRITICAL 🚨 | Action *cleanup* *failed*',
  },
  {
    name: 'ScheduleRun',
    alert: alert(
      'OK',
      { type: 'Procedure', id: 'p1' },
      { type: 'ScheduleRun', data: { id: 'p1', name: 'nightly', resource_type: 'Procedure' } },
    ),
    text: 'OK ✅ | *nightly* (Procedure) | Scheduled run started 🕝\n@LINK',
  },
  {
    name: 'Custom',
    alert: alert(
      'WARNING',
      { type: 'System', id: '' },
      { type: 'Custom', data: { message: 'backup late', details: 'last run 26 h ago' } },
    ),
    text: 'WARNING ‼️ | backup late\nlast run 26 h ago',
  },
  {
    name: 'DeploymentDeployed',
    alert: alert(
      'OK',
      { type: 'Deployment', id: 'd1' },
      { type: 'DeploymentDeployed', data: { id: 'd1', name: 'api', ...onServer } },
    ),
    text: 'OK ✅ | Deployment *api* *deployed* ✅\nserver: web-1\n@LINK',
  },
  {
    name: 'DeploymentDeployFailed',
    alert: alert(
      'CRITICAL',
      { type: 'Deployment', id: 'd1' },
      {
        type: 'DeploymentDeployFailed',
        data: {
          id: 'd1',
          name: 'api',
          ...onServer,
          stage: 'Pull Image',
          log_tail: 'manifest unknown',
        },
      },
    ),
    text: 'CRITICAL 🚨 | Deployment *api* *deploy failed* ❌\nserver: web-1\nstage: Pull Image\n@LINK\nlog:\nmanifest unknown',
  },
  {
    name: 'StackDeployed',
    alert: alert(
      'OK',
      { type: 'Stack', id: 'k1' },
      { type: 'StackDeployed', data: { id: 'k1', name: 'shop', ...onServer } },
    ),
    text: 'OK ✅ | Stack *shop* *deployed* ✅\nserver: web-1\n@LINK',
  },
  {
    name: 'StackDeployFailed',
    alert: alert(
      'CRITICAL',
      { type: 'Stack', id: 'k1' },
      {
        type: 'StackDeployFailed',
        data: {
          id: 'k1',
          name: 'shop',
          ...onServer,
          stage: 'Compose Up',
          log_tail: 'port is already allocated',
        },
      },
    ),
    text: 'CRITICAL 🚨 | Stack *shop* *deploy failed* ❌\nserver: web-1\nstage: Compose Up\n@LINK\nlog:\nport is already allocated',
  },
  {
    name: 'BuildSucceeded',
    alert: alert(
      'OK',
      { type: 'Build', id: 'u1' },
      {
        type: 'BuildSucceeded',
        data: { id: 'u1', name: 'api-image', version: { major: 1, minor: 2, patch: 4 } },
      },
    ),
    text: 'OK ✅ | Build *api-image* *succeeded* ✅\nversion: v1.2.4\n@LINK',
  },
  {
    name: 'ServerLaunchCleanupFailed',
    alert: alert(
      'CRITICAL',
      { type: 'ServerTemplate', id: 't1' },
      {
        type: 'ServerLaunchCleanupFailed',
        data: {
          update_id: 'u1',
          server_name: 'web-1',
          provider: 'Hetzner',
          instance_id: '42',
          volumes: ['101', '102'],
          message: 'volume is attached',
        },
      },
    ),
    text: 'CRITICAL 🚨 | Failed to clean up the launch of server *web-1* on Hetzner: it may still be billed\ninstance id: 42\nvolumes: 101, 102\nvolume is attached\n@LINK',
  },
  {
    name: 'ServerLaunchCleanupFailed resolved',
    alert: alert(
      'OK',
      { type: 'ServerTemplate', id: 't1' },
      {
        type: 'ServerLaunchCleanupFailed',
        data: {
          update_id: 'u1',
          server_name: 'web-1',
          provider: 'Aws',
          instance_id: 'i-0abc',
          volumes: [],
          message: 'UnauthorizedOperation',
        },
      },
    ),
    text: 'OK ✅ | The failed launch of server *web-1* is *cleaned up*\n@LINK',
  },
  {
    name: 'AlerterFailing',
    alert: alert(
      'CRITICAL',
      { type: 'Alerter', id: 'a2' },
      {
        type: 'AlerterFailing',
        data: { id: 'a2', name: 'team-chat', failures_in_a_row: 5, error: 'answered 500' },
      },
    ),
    text: 'CRITICAL 🚨 | Alerter *team-chat* is *failing*: 5 attempts in a row failed\n@LINK\nerror: answered 500',
  },
  {
    name: 'EventSubscriptionFailing',
    alert: alert(
      'CRITICAL',
      { type: 'System', id: 's1' },
      {
        type: 'EventSubscriptionFailing',
        data: { id: 's1', name: 'ci-hook', failures_in_a_row: 5, error: 'answered 503' },
      },
    ),
    text: 'CRITICAL 🚨 | Webhook *ci-hook* is *failing*: 5 attempts in a row failed\nerror: answered 503',
  },
];

const PATHS: Record<string, string> = {
  Alerter: 'alerters',
  Server: 'servers',
  Deployment: 'deployments',
  Stack: 'stacks',
  Build: 'builds',
  Repo: 'repos',
  Procedure: 'procedures',
  ResourceSync: 'resource-syncs',
  Builder: 'builders',
  ServerTemplate: 'server-templates',
};

/** The example's link, written out from the web's routes (Komodo links no AWS builder alert). */
export function linkOf(alert: Alert): string | undefined {
  if (alert.data.type === 'AwsBuilderTerminationFailed') return undefined;
  const path = PATHS[alert.target.type];
  return path ? `${LINK_BASE}/${path}/${alert.target.id}` : undefined;
}

/** The example's text in one markup: Slack keeps `*x*`, Discord doubles it, plain drops it. */
export function expectedText(
  text: string,
  alert: Alert,
  markup: 'plain' | 'discord' | 'slack',
): string {
  const linked = text.replace('@LINK', linkOf(alert) ?? '');
  if (markup === 'slack') return linked;
  return linked.replace(/\*([^*\n]+)\*/g, markup === 'discord' ? '**$1**' : '$1');
}
