import type { ResourceKind } from '@monitor/domain';

/**
 * What each file under test/fixtures/komodo-toml must read as (sources in its SOURCES.md).
 * `declares` was counted from the file's `[[kind]]` headers by a plain line match, never by the reader;
 * `ignoredAt` is the first line of each header Komodo ignores or Monitor lacks (`[[swarm]]`,
 * `[[resource-sync]]`, `[[git_account]]`), where a warning must stand. `refused` lists a refused
 * file's errors as `line:field`, and who refuses it: `toml`, the file is not TOML (Komodo fails
 * to parse it too); `komodo`, a value Komodo's own types refuse; `monitor`, a rule of Monitor's
 * that Komodo lacks (docs/security.md: paths inside the stack's folder, the closed list of
 * build flags, repository names, absolute host paths for volumes, Cron schedules that can fire).
 */
export interface RealFile {
  file: string;
  declares?: Partial<Record<Header, number>>;
  ignoredAt?: number[];
  refused?: { by: 'toml' | 'komodo' | 'monitor'; errors: string[] };
}

export const HEADER_OF_KIND = {
  Server: 'server',
  Deployment: 'deployment',
  Stack: 'stack',
  Repo: 'repo',
  Build: 'build',
  Builder: 'builder',
  Procedure: 'procedure',
  Action: 'action',
  ResourceSync: 'resource_sync',
  Alerter: 'alerter',
  ServerTemplate: 'server_template',
} as const satisfies Record<ResourceKind, string>;

export type Header = (typeof HEADER_OF_KIND)[ResourceKind] | 'variable' | 'user_group';

export const REAL_FILES: RealFile[] = [
  { file: 'AnarchoBooleanism__saphnet-komodo/procedures.toml', declares: { procedure: 4 } },
  // a `\^` escape in a basic string
  {
    file: 'AnarchoBooleanism__saphnet-komodo/procedures@b7fe51e.toml',
    refused: { by: 'toml', errors: ['81:toml'] },
  },
  {
    file: 'AnarchoBooleanism__saphnet-komodo/servers.toml',
    declares: { server: 5, builder: 2 },
    ignoredAt: [11],
  },
  { file: 'AnarchoBooleanism__saphnet-komodo/variables.toml', declares: { variable: 6 } },
  {
    file: 'BrockCSC__brockcsc.ca/komodo__resources.toml',
    declares: { build: 1, stack: 2, action: 2, resource_sync: 1 },
  },
  { file: 'ByteSizedPi__proxlab/komodo__resources__procedures.toml', declares: { procedure: 1 } },
  { file: 'ByteSizedPi__proxlab/komodo__resources__servers.toml', declares: { server: 1 } },
  // `..` in `additional_env_files` (an env file shared from a parent folder; given as a plain path, both Komodo forms)
  {
    file: 'ByteSizedPi__proxlab/komodo__resources__stacks.toml',
    refused: {
      by: 'monitor',
      errors: [
        '82:stack[prowlarr].config.additional_env_files.0.path',
        '119:stack[flaresolverr].config.additional_env_files.0.path',
        '141:stack[qbittorrent].config.additional_env_files.0.path',
        '163:stack[sonarr].config.additional_env_files.0.path',
        '185:stack[radarr].config.additional_env_files.0.path',
        '215:stack[recyclarr].config.additional_env_files.0.path',
        '237:stack[bazarr].config.additional_env_files.0.path',
        '259:stack[jellyfin].config.additional_env_files.0.path',
        '281:stack[plex].config.additional_env_files.0.path',
        '303:stack[tdarr].config.additional_env_files.0.path',
        '325:stack[seerr].config.additional_env_files.0.path',
        '365:stack[decluttarr].config.additional_env_files.0.path',
        '394:stack[maintainerr].config.additional_env_files.0.path',
        '447:stack[homepage].config.additional_env_files.0.path',
        '478:stack[ntfy].config.additional_env_files.0.path',
        '530:stack[authentik].config.additional_env_files.0.path',
        '600:stack[netdata].config.additional_env_files.0.path',
        '639:stack[cloudflared].config.additional_env_files.0.path',
        '695:stack[traefik].config.additional_env_files.0.path',
        '758:stack[immich].config.additional_env_files.0.path',
      ],
    },
  },
  { file: 'CaseyRo__mcp-readwise/komodo.toml', declares: { server: 1, stack: 1 } },
  { file: 'Cyanistic__docker-configs/komodo__stacks__librechat.toml', declares: { stack: 1 } },
  { file: 'Cyanistic__docker-configs/komodo__stacks__pangolin.toml', declares: { stack: 1 } },
  { file: 'Damandan__komodo-stacks/komodo_dsm.toml', declares: { stack: 1 } },
  { file: 'Evan-2007__lab/komodo__servers.toml', declares: { server: 1 } },
  { file: 'Evan-2007__lab/komodo__stacks.toml', declares: { stack: 10 } },
  // absolute paths (an env file, a repo folder)
  {
    file: 'GMNDS__docker-infra/komodo__resources.toml',
    refused: {
      by: 'monitor',
      errors: [
        '64:stack[asteri-auth].config.additional_env_files.0.path',
        '286:stack[suwayomi].config.additional_env_files.0.path',
        '307:stack[vaultwarden].config.additional_env_files.0.path',
        '326:repo[astrum-stack].config.path',
      ],
    },
  },
  { file: 'NiekKeijzer__homelab/komodo__deployments__whoami.toml', declares: { deployment: 1 } },
  { file: 'NiekKeijzer__homelab/komodo__servers__core.toml', declares: { server: 1 } },
  { file: 'NiekKeijzer__homelab/komodo__stacks__edge__stack.toml', declares: { stack: 1 } },
  { file: 'Nospamas__unraid-ops/komodo__alerters.toml', declares: { alerter: 1 } },
  { file: 'Nospamas__unraid-ops/komodo__procedures.toml', declares: { procedure: 1 } },
  { file: 'Nospamas__unraid-ops/komodo__sync.toml', declares: { resource_sync: 1 } },
  // `..` in `additional_env_files` (an env file shared from a parent folder; given as a plain path, and `requires` in lower case, both Komodo forms)
  {
    file: 'Nospamas__unraid-ops/stacks__caddy__komodo.toml',
    refused: { by: 'monitor', errors: ['10:stack[caddy].config.additional_env_files.0.path'] },
  },
  // `..` in `additional_env_files` (an env file shared from a parent folder; given as a plain path, and `requires` in lower case, both Komodo forms)
  {
    file: 'Nospamas__unraid-ops/stacks__homepage__komodo.toml',
    refused: { by: 'monitor', errors: ['10:stack[homepage].config.additional_env_files.0.path'] },
  },
  // `..` in `additional_env_files` (an env file shared from a parent folder; given as a plain path, and `requires` in lower case, both Komodo forms)
  {
    file: 'Nospamas__unraid-ops/stacks__recyclarr__komodo.toml',
    refused: { by: 'monitor', errors: ['10:stack[recyclarr].config.additional_env_files.0.path'] },
  },
  {
    file: 'PortableStick__homelab-infra/komodo__stacks.toml',
    declares: { server: 2, repo: 1, procedure: 3, builder: 1, resource_sync: 1, stack: 14 },
  },
  { file: 'RushilBasappa__homeserve/komodo__servers.toml', declares: { server: 2 } },
  { file: 'RushilBasappa__homeserve/komodo__stacks.toml', declares: { stack: 28 } },
  // `webhook_enabled` twice in one table
  {
    file: 'RushilBasappa__homeserve/komodo__stacks@a63ebaf.toml',
    refused: { by: 'toml', errors: ['201:toml'] },
  },
  {
    file: 'Sadorus__homelab/komodo.toml',
    declares: { server: 1, stack: 9, builder: 1, resource_sync: 1 },
  },
  {
    file: 'Vikaspogu__komodo-stack/komodo.toml',
    declares: { server: 1, stack: 14, builder: 1, resource_sync: 1, alerter: 1 },
  },
  // `..` in `additional_env_files` (an env file shared from a parent folder; given as a plain path, both Komodo forms)
  {
    file: 'ZaCarrie__homelab/komodo.toml',
    refused: {
      by: 'monitor',
      errors: [
        '17:stack[caddy].config.additional_env_files.0.path',
        '34:stack[frigate].config.additional_env_files.0.path',
        '46:stack[mediarr].config.additional_env_files.0.path',
        '69:stack[mediaserve].config.additional_env_files.0.path',
        '85:stack[openwebui].config.additional_env_files.0.path',
        '97:stack[wgeasy].config.additional_env_files.0.path',
      ],
    },
  },
  // a stray `test` line
  { file: 'ZaCarrie__homelab/komodo@c9e0072.toml', refused: { by: 'toml', errors: ['141:toml'] } },
  {
    file: 'b-__komodo-deployment-template/stack.toml',
    declares: { server: 1, stack: 1, procedure: 1 },
  },
  { file: 'b-__komodo-deployment-template/sync.toml', declares: { resource_sync: 2 } },
  // absolute `clone_path` and `run_directory`
  {
    file: 'blavogiez-org__proxmox-configuration/komodo.toml',
    refused: {
      by: 'monitor',
      errors: ['35:stack[kanboard].config.clone_path', '36:stack[kanboard].config.run_directory'],
    },
  },
  { file: 'broomej__komodo-config/stacks__servarr.toml', declares: { stack: 1 } },
  { file: 'broomej__komodo-config/sync.toml', declares: { resource_sync: 1 } },
  // absolute repo `path` and `pre_deploy.path`
  {
    file: 'cpritchett__homelab/komodo__resources.toml',
    refused: {
      by: 'monitor',
      errors: [
        '159:repo[homelab-repo].config.path',
        '179:stack[platform_automation].config.pre_deploy.path',
        '199:stack[platform_monitoring].config.pre_deploy.path',
        '230:stack[platform_smtp_relay].config.pre_deploy.path',
        '249:stack[platform_observability].config.pre_deploy.path',
        '280:stack[platform_authentik].config.pre_deploy.path',
        '299:stack[platform_postgres].config.pre_deploy.path',
        '319:stack[application_media_core].config.pre_deploy.path',
        '339:stack[application_media_support].config.pre_deploy.path',
        '358:stack[application_media_enrichment].config.pre_deploy.path',
        '378:stack[application_reading].config.pre_deploy.path',
        '397:stack[platform_forgejo].config.pre_deploy.path',
        '416:stack[platform_woodpecker].config.pre_deploy.path',
        '433:stack[platform_restic].config.pre_deploy.path',
        '463:stack[infrastructure_pxe].config.pre_deploy.path',
      ],
    },
  },
  // `file_paths` twice in one table
  {
    file: 'cwelsys__stacks/.komodo__sync@11ececa.toml',
    refused: { by: 'toml', errors: ['171:toml'] },
  },
  // `..` in `file_paths`; deployment volumes from `${VARIABLE}` host paths
  {
    file: 'cwelsys__stacks/.komodo__sync@b1261c1.toml',
    refused: {
      by: 'monitor',
      errors: [
        '19:stack[arr].config.file_paths',
        '44:stack[auth].config.file_paths',
        '67:stack[dash].config.file_paths',
        '125:stack[discord].config.file_paths',
        '151:stack[downs].config.file_paths',
        '174:stack[media].config.file_paths',
        '203:stack[monitor].config.file_paths',
        '233:stack[proxy].config.file_paths',
        '259:stack[services].config.file_paths',
        '285:stack[ts-utils].config.file_paths',
        '304:stack[utils].config.file_paths',
        '325:deployment[ownfoil].config.volumes',
        '325:deployment[ownfoil].config.volumes',
      ],
    },
  },
  // `..` in `file_paths` and `additional_env_files` (files shared from the parent folder)
  {
    file: 'cwelsys__stacks/komodo.toml',
    refused: {
      by: 'monitor',
      errors: [
        '16:stack[arr].config.file_paths',
        '17:stack[arr].config.additional_env_files.0.path',
        '43:stack[auth].config.file_paths',
        '44:stack[auth].config.additional_env_files.0.path',
        '67:stack[backup].config.file_paths',
        '68:stack[backup].config.additional_env_files.0.path',
        '643:stack[crowdsec].config.file_paths',
        '644:stack[crowdsec].config.additional_env_files.0.path',
        '655:stack[dashboard].config.file_paths',
        '656:stack[dashboard].config.additional_env_files.0.path',
        '674:stack[discord].config.file_paths',
        '681:stack[discord].config.additional_env_files.0.path',
        '704:stack[dns].config.file_paths',
        '705:stack[dns].config.additional_env_files.0.path',
        '716:stack[downs].config.file_paths',
        '721:stack[downs].config.additional_env_files.0.path',
        '744:stack[external].config.file_paths',
        '748:stack[external].config.additional_env_files.0.path',
        '768:stack[internal].config.file_paths',
        '772:stack[internal].config.additional_env_files.0.path',
        '789:stack[kop].config.file_paths',
        '790:stack[kop].config.additional_env_files.0.path',
        '801:stack[linkding].config.file_paths',
        '802:stack[linkding].config.additional_env_files.0.path',
        '820:stack[media].config.file_paths',
        '826:stack[media].config.additional_env_files.0.path',
        '844:stack[system].config.file_paths',
        '851:stack[system].config.additional_env_files.0.path',
        '869:stack[web].config.file_paths',
        '870:stack[web].config.additional_env_files.0.path',
      ],
    },
  },
  {
    file: 'cwelsys__stacks/sync.toml',
    declares: { server: 1, stack: 34, repo: 1, procedure: 1, builder: 1, resource_sync: 1 },
  },
  // `build_extra_args = ["--build"]`, outside the closed list
  {
    file: 'dimarcode__Homelab/komodo.toml',
    refused: { by: 'monitor', errors: ['172:stack[homepage].config.build_extra_args'] },
  },
  {
    file: 'fabricesemti80__home-dc-service-hosts/komodo__resources.toml',
    declares: { stack: 3, resource_sync: 1 },
    ignoredAt: [1],
  },
  {
    file: 'firewalkwithm3__stacks/resources.toml',
    declares: { server: 5, stack: 41, build: 2, repo: 1, builder: 1, resource_sync: 1 },
  },
  { file: 'flynncs__homelab-public/komodo__resources.toml', declares: { resource_sync: 1 } },
  { file: 'flynncs__homelab-public/stacks__arr__core__komodo.toml', declares: { stack: 1 } },
  {
    file: 'flynncs__homelab-public/stacks__arr__usenet-downloaders__komodo.toml',
    declares: { stack: 1 },
  },
  {
    file: 'flynncs__homelab-public/stacks__arr__vpn-downloaders__komodo.toml',
    declares: { stack: 1 },
  },
  { file: 'flynncs__homelab-public/stacks__immich__komodo.toml', declares: { stack: 1 } },
  { file: 'flynncs__homelab-public/stacks__rp__komodo.toml', declares: { stack: 1 } },
  { file: 'frasermclean__homelab/deployments.toml', declares: { deployment: 2 } },
  {
    file: 'fulrich__homelab-applications/komodo.toml',
    declares: { server: 1, repo: 1, procedure: 2, builder: 1, resource_sync: 1 },
  },
  {
    file: 'gjhenrique__rpi_stuff/komodo-lisa.toml',
    declares: { resource_sync: 1, server: 1, procedure: 1, stack: 15 },
  },
  {
    file: 'gjhenrique__rpi_stuff/komodo-lovelace.toml',
    declares: { resource_sync: 1, server: 1, procedure: 1, stack: 14 },
  },
  { file: 'itay-raveh__infra/komodo__stacks.toml', declares: { stack: 2 } },
  // absolute `run_directory` (files on the host, outside the stack folder)
  {
    file: 'jedmund__homelab/komodo__stacks.toml',
    refused: {
      by: 'monitor',
      errors: [
        '13:stack[traefik].config.run_directory',
        '25:stack[line].config.run_directory',
        '42:stack[openspeedtest].config.run_directory',
        '54:stack[ddclient].config.run_directory',
        '66:stack[tinyauth].config.run_directory',
        '78:stack[pocketid].config.run_directory',
        '90:stack[infra-core].config.run_directory',
        '102:stack[infra-periphery].config.run_directory',
        '114:stack[beszel].config.run_directory',
        '126:stack[beszel-agent-nuc-mini].config.run_directory',
        '138:stack[gluetun].config.run_directory',
        '150:stack[prowlarr].config.run_directory',
        '162:stack[qbittorrent].config.run_directory',
        '174:stack[sonarr].config.run_directory',
        '186:stack[radarr].config.run_directory',
        '198:stack[lidarr].config.run_directory',
        '210:stack[seerr].config.run_directory',
        '222:stack[unpackerr].config.run_directory',
        '234:stack[jdownloader].config.run_directory',
        '246:stack[pinchflat].config.run_directory',
        '258:stack[slskd].config.run_directory',
        '270:stack[qui].config.run_directory',
        '282:stack[musicbrainz].config.run_directory',
        '294:stack[romm].config.run_directory',
        '306:stack[plex].config.run_directory',
        '318:stack[multi-scrobbler].config.run_directory',
        '330:stack[tunarr].config.run_directory',
        '342:stack[stash].config.run_directory',
        '354:stack[immich].config.run_directory',
        '366:stack[papra].config.run_directory',
        '378:stack[homebox].config.run_directory',
        '390:stack[album-sort].config.run_directory',
        '402:stack[dawarich].config.run_directory',
        '414:stack[miniflux].config.run_directory',
        '426:stack[karakeep].config.run_directory',
        '438:stack[kavita].config.run_directory',
        '450:stack[strudel].config.run_directory',
        '462:stack[obsidian-livesync].config.run_directory',
        '474:stack[gitlab].config.run_directory',
        '486:stack[open-webui].config.run_directory',
        '498:stack[paseo-relay].config.run_directory',
        '510:stack[n8n].config.run_directory',
        '522:stack[changedetection].config.run_directory',
        '534:stack[copyparty].config.run_directory',
        '546:stack[vane].config.run_directory',
        '558:stack[kibble].config.run_directory',
        '570:stack[kizuna].config.run_directory',
        '582:stack[petlibro].config.run_directory',
        '594:stack[frp].config.run_directory',
        '606:stack[social].config.run_directory',
        '618:stack[matrix].config.run_directory',
        '630:stack[backup].config.run_directory',
        '642:stack[beszel-agent-max].config.run_directory',
        '654:stack[ai].config.run_directory',
        '666:stack[vllm].config.run_directory',
        '678:stack[sglang].config.run_directory',
      ],
    },
  },
  { file: 'jrudavicius__home-server/komodo__repos.toml', declares: { repo: 1 } },
  { file: 'jrudavicius__home-server/komodo__stacks.toml', declares: { stack: 4 } },
  { file: 'jrudavicius__home-server/komodo__syncs.toml', declares: { resource_sync: 1 } },
  { file: 'jrudavicius__home-server/komodo__variables.toml', declares: { variable: 9 } },
  {
    file: 'jsnouffer__homelab-docker-compose/komodo.toml',
    declares: { server: 3, stack: 8, build: 1, builder: 2, resource_sync: 1 },
  },
  { file: 'juftin__homelab-core/apps__komodo__komodo.toml', declares: { repo: 1, stack: 1 } },
  {
    file: 'lacroixdavid1__services/komodo.toml',
    declares: { server: 1, stack: 27, repo: 1, action: 1, builder: 1, resource_sync: 1 },
  },
  // a Cron with day of month 0, which never fires (Komodo keeps it and shows a schedule error)
  {
    file: 'mattvperry__stacks/resources.toml',
    refused: { by: 'monitor', errors: ['238:procedure[Key Rotation].config.schedule'] },
  },
  {
    file: 'moghtech__komodo/bin__monrun__resources__builds.toml',
    declares: { build: 2, builder: 1 },
  },
  {
    file: 'moghtech__komodo/bin__monrun__resources__deployments.toml',
    declares: { deployment: 8 },
  },
  { file: 'moghtech__komodo/bin__monrun__resources__procedures.toml', declares: { procedure: 1 } },
  { file: 'moghtech__komodo/bin__monrun__resources__repos.toml', declares: { repo: 1 } },
  {
    file: 'moghtech__komodo/bin__monrun__resources__servers.toml',
    declares: { server: 1, server_template: 1 },
  },
  {
    file: 'moghtech__komodo/bin__monrun__resources__user_groups.toml',
    declares: { user_group: 1 },
  },
  { file: 'ravilushqa__homelab/komodo__stacks.toml', declares: { stack: 25 } },
  // unquoted string values
  {
    file: 'ravilushqa__homelab/komodo__stacks@6d8d28e.toml',
    refused: { by: 'toml', errors: ['294:toml'] },
  },
  { file: 'ravilushqa__homelab/komodo__sync.toml', declares: { resource_sync: 1 } },
  // `[[stack.config.pre_deploy]]`: an array where Komodo wants one { path, command }
  {
    file: 'rowa78__homelab/komodo__resources.toml',
    refused: {
      by: 'komodo',
      errors: [
        '48:stack[traefik].config.pre_deploy',
        '63:stack[oauth2-proxy].config.pre_deploy',
        '78:stack[renovate].config.pre_deploy',
        '93:stack[komodo].config.pre_deploy',
      ],
    },
  },
  { file: 'ryanstuckey0__home-server-komodo/komodo__rp5__apps.toml', declares: { stack: 2 } },
  { file: 'ryanstuckey0__home-server-komodo/komodo__truenas__infra.toml', declares: { stack: 1 } },
  { file: 'sanjin-ivankovic__proxmox-infra/komodo__procedures.toml', declares: { procedure: 2 } },
  { file: 'sanjin-ivankovic__proxmox-infra/komodo__repos.toml', declares: { repo: 1 } },
  {
    file: 'sanjin-ivankovic__proxmox-infra/komodo__resource-sync.toml',
    declares: { resource_sync: 1 },
  },
  { file: 'sanjin-ivankovic__proxmox-infra/komodo__servers.toml', declares: { server: 11 } },
  { file: 'sanjin-ivankovic__proxmox-infra/komodo__variables.toml', declares: { variable: 3 } },
  // absolute repo `path`
  {
    file: 'siffreinsg__the-sea/komodo__resources.toml',
    refused: {
      by: 'monitor',
      errors: ['292:repo[the-sea-tb].config.path', '302:repo[the-sea-gm].config.path'],
    },
  },
  { file: 'simen64__homelab/docker__hello-world__stack.toml', declares: { stack: 1 } },
  { file: 'simen64__homelab/komodo__repos.toml', declares: { repo: 1 } },
  { file: 'simen64__homelab/komodo__servers.toml', declares: { server: 3 } },
  { file: 'simen64__homelab/komodo__syncs.toml', declares: { resource_sync: 3 } },
  { file: 'st0o0__homelab-infra/komodo__examples__actions.example.toml', declares: { action: 1 } },
  {
    file: 'st0o0__homelab-infra/komodo__examples__alerters.example.toml',
    declares: { alerter: 3 },
  },
  {
    file: 'st0o0__homelab-infra/komodo__examples__builders.example.toml',
    declares: { builder: 2 },
  },
  // `--platform linux/amd64,linux/arm64` in `extra_args`: Monitor takes one platform
  {
    file: 'st0o0__homelab-infra/komodo__examples__builds.example.toml',
    refused: { by: 'monitor', errors: ['67:build[example-build].config.extra_args'] },
  },
  {
    file: 'st0o0__homelab-infra/komodo__examples__deployments.example.toml',
    declares: { deployment: 1 },
  },
  {
    file: 'st0o0__homelab-infra/komodo__examples__procedures.example.toml',
    declares: { procedure: 1 },
  },
  { file: 'st0o0__homelab-infra/komodo__examples__repos.example.toml', declares: { repo: 1 } },
  {
    file: 'st0o0__homelab-infra/komodo__examples__resource_syncs.example.toml',
    declares: { resource_sync: 1 },
  },
  { file: 'st0o0__homelab-infra/komodo__examples__servers.example.toml', declares: { server: 1 } },
  { file: 'st0o0__homelab-infra/komodo__examples__stacks.example.toml', declares: { stack: 1 } },
  {
    file: 'st0o0__homelab-infra/komodo__examples__user_groups.example.toml',
    declares: { user_group: 2 },
  },
  {
    file: 'st0o0__homelab-infra/komodo__examples__variables.example.toml',
    declares: { variable: 4 },
  },
  {
    file: 'st0o0__homelab-infra/komodo__resources__resource_syncs.toml',
    declares: { resource_sync: 2 },
  },
  { file: 'st0o0__homelab-infra/komodo__resources__servers.toml', declares: { server: 9 } },
  // `..` in `config_files` paths
  {
    file: 'st0o0__homelab-infra/komodo__resources__stacks__FeelsStrongMan.toml',
    refused: {
      by: 'monitor',
      errors: [
        '29:stack[alloy-4].config.config_files.0.path',
        '33:stack[alloy-4].config.config_files.1.path',
        '37:stack[alloy-4].config.config_files.2.path',
        '41:stack[alloy-4].config.config_files.3.path',
        '45:stack[alloy-4].config.config_files.4.path',
        '49:stack[alloy-4].config.config_files.5.path',
        '53:stack[alloy-4].config.config_files.6.path',
        '57:stack[alloy-4].config.config_files.7.path',
        '61:stack[alloy-4].config.config_files.8.path',
        '65:stack[alloy-4].config.config_files.9.path',
        '69:stack[alloy-4].config.config_files.10.path',
        '73:stack[alloy-4].config.config_files.11.path',
        '77:stack[alloy-4].config.config_files.12.path',
      ],
    },
  },
  // a missing comma in a list
  {
    file: 'st0o0__homelab-infra/komodo__resources__stacks__FeelsStrongMan@aba7452.toml',
    refused: { by: 'toml', errors: ['13:toml'] },
  },
  {
    file: 'st0o0__homelab-infra/komodo__resources__variables___global.toml',
    declares: { variable: 3 },
  },
  // the placeholder `repo = "<owner/repo>"`
  {
    file: 'svnix-solutions__paperclip-build/komodo__resources.toml',
    refused: {
      by: 'monitor',
      errors: ['36:build[paperclip-server].config.repo', '70:stack[paperclip].config.repo'],
    },
  },
  {
    file: 'synthpop123__homelab-infra/komodo__sync.toml',
    declares: { server: 2, stack: 32, procedure: 1 },
  },
  { file: 'xkicken__komodo-compose/komodo.toml', declares: { stack: 1 } },
];
