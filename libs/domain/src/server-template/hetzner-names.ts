/*
 * Komodo 1.17.4 names Hetzner's datacenters, server types and volume formats by enums of its
 * own (`Nuremberg1Dc3`, `SharedAmd2Core2Ram40Disk`) and sends Hetzner's names (`nbg1-dc3`,
 * `cpx11`): `bin/core/src/cloud/hetzner/common.rs`. A template may hold either; the launch sends
 * Hetzner's.
 */

export const HETZNER_DATACENTER_NAMES = {
  Nuremberg1Dc3: 'nbg1-dc3',
  Helsinki1Dc2: 'hel1-dc2',
  Falkenstein1Dc14: 'fsn1-dc14',
  AshburnDc1: 'ash-dc1',
  HillsboroDc1: 'hil-dc1',
  SingaporeDc1: 'sin-dc1',
} as const;

export const HETZNER_SERVER_TYPE_NAMES = {
  SharedAmd2Core2Ram40Disk: 'cpx11',
  SharedArm2Core4Ram40Disk: 'cax11',
  SharedIntel2Core4Ram40Disk: 'cx22',
  SharedAmd3Core4Ram80Disk: 'cpx21',
  SharedArm4Core8Ram80Disk: 'cax21',
  SharedIntel4Core8Ram80Disk: 'cx32',
  SharedAmd4Core8Ram160Disk: 'cpx31',
  SharedArm8Core16Ram160Disk: 'cax31',
  SharedIntel8Core16Ram160Disk: 'cx42',
  SharedAmd8Core16Ram240Disk: 'cpx41',
  SharedArm16Core32Ram320Disk: 'cax41',
  SharedIntel16Core32Ram320Disk: 'cx52',
  SharedAmd16Core32Ram360Disk: 'cpx51',
  DedicatedAmd2Core8Ram80Disk: 'ccx13',
  DedicatedAmd4Core16Ram160Disk: 'ccx23',
  DedicatedAmd8Core32Ram240Disk: 'ccx33',
  DedicatedAmd16Core64Ram360Disk: 'ccx43',
  DedicatedAmd32Core128Ram600Disk: 'ccx53',
  DedicatedAmd48Core192Ram960Disk: 'ccx63',
} as const;

export const HETZNER_VOLUME_FORMAT_NAMES = { Xfs: 'xfs', Ext4: 'ext4' } as const;

type Names = Record<string, string>;

export type HetznerDatacenter = keyof typeof HETZNER_DATACENTER_NAMES;
export type HetznerServerType = keyof typeof HETZNER_SERVER_TYPE_NAMES;
export type HetznerVolumeFormat = keyof typeof HETZNER_VOLUME_FORMAT_NAMES;
/** Hetzner's own names, as its API takes them. */
export type HetznerDatacenterName = (typeof HETZNER_DATACENTER_NAMES)[HetznerDatacenter];
export type HetznerServerTypeName = (typeof HETZNER_SERVER_TYPE_NAMES)[HetznerServerType];
export type HetznerVolumeFormatName = (typeof HETZNER_VOLUME_FORMAT_NAMES)[HetznerVolumeFormat];

const komodoNames = <T extends Names>(names: T) => Object.keys(names) as (keyof T & string)[];
const accepted = <T extends Names>(names: T) =>
  [...komodoNames(names), ...Object.values(names)] as (keyof T | T[keyof T])[];

/** Komodo's names, in Komodo's order (the first is Komodo's default). */
export const HETZNER_DATACENTERS = komodoNames(HETZNER_DATACENTER_NAMES);
export const HETZNER_SERVER_TYPES = komodoNames(HETZNER_SERVER_TYPE_NAMES);
export const HETZNER_VOLUME_FORMATS = komodoNames(HETZNER_VOLUME_FORMAT_NAMES);

/** What a template may hold: Komodo's name or Hetzner's. */
export const HETZNER_DATACENTER_VALUES = accepted(HETZNER_DATACENTER_NAMES);
export const HETZNER_SERVER_TYPE_VALUES = accepted(HETZNER_SERVER_TYPE_NAMES);
export const HETZNER_VOLUME_FORMAT_VALUES = accepted(HETZNER_VOLUME_FORMAT_NAMES);
export type HetznerDatacenterValue = (typeof HETZNER_DATACENTER_VALUES)[number];
export type HetznerServerTypeValue = (typeof HETZNER_SERVER_TYPE_VALUES)[number];
export type HetznerVolumeFormatValue = (typeof HETZNER_VOLUME_FORMAT_VALUES)[number];

function hetznerName(names: Names, what: string, value: string): string {
  if (Object.hasOwn(names, value)) return names[value];
  if (Object.values(names).includes(value)) return value;
  throw new Error(`not a Hetzner ${what}: '${value}'`);
}

function komodoName(names: Names, what: string, value: string): string {
  if (Object.hasOwn(names, value)) return value;
  const found = Object.entries(names).find(([, name]) => name === value);
  if (!found) throw new Error(`not a Hetzner ${what}: '${value}'`);
  return found[0];
}

/** The name Hetzner's API takes (`nbg1-dc3`), from either name. */
export const hetznerDatacenterName = (value: string) =>
  hetznerName(HETZNER_DATACENTER_NAMES, 'datacenter', value) as HetznerDatacenterName;
export const hetznerServerTypeName = (value: string) =>
  hetznerName(HETZNER_SERVER_TYPE_NAMES, 'server type', value) as HetznerServerTypeName;
export const hetznerVolumeFormatName = (value: string) =>
  hetznerName(HETZNER_VOLUME_FORMAT_NAMES, 'volume format', value) as HetznerVolumeFormatName;

/** Komodo's name (`Nuremberg1Dc3`), from either name: what a Komodo client shows. */
export const komodoHetznerDatacenter = (value: string) =>
  komodoName(HETZNER_DATACENTER_NAMES, 'datacenter', value) as HetznerDatacenter;
export const komodoHetznerServerType = (value: string) =>
  komodoName(HETZNER_SERVER_TYPE_NAMES, 'server type', value) as HetznerServerType;
export const komodoHetznerVolumeFormat = (value: string) =>
  komodoName(HETZNER_VOLUME_FORMAT_NAMES, 'volume format', value) as HetznerVolumeFormat;

/** Hetzner's location of a datacenter (`nbg1` of `nbg1-dc3`): where its volumes are made. */
export function hetznerLocation(datacenter: string): string {
  const name = hetznerDatacenterName(datacenter);
  return name.slice(0, name.lastIndexOf('-'));
}
