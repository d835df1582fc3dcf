import { generateKey, keyIdOf, wrapDataKey } from './crypto';
import { SecretError, type SecretErrorCode } from './errors';
import { type KeyFileData, type ReadKeyFileOptions, readKeyFile, writeKeyFile } from './key-file';
import { Keyring } from './keyring';
import type { DataKeyRef } from './sealed';

/**
 * Master key rotation without rewriting a single event (see README): the new key becomes current,
 * old keys stay, and every data key known from the scan of the event store (plus the ones already
 * in the key file) is re-wrapped under the new key into the key file's `dataKeys`. Once that is
 * done the old key can be retired: nothing in the keyring needs it any more.
 */

export interface UnreadableDataKey {
  dkid: string;
  kid: string;
  code: SecretErrorCode;
}

export interface RewrapReport {
  /** The master key every known data key is now wrapped under. */
  currentKid: string;
  /** Data keys newly re-wrapped under it by this call. */
  rewrapped: number;
  /** Data keys that could not be unwrapped (missing key, or corrupt): left as they were. */
  unreadable: UnreadableDataKey[];
}

export interface RotationReport extends RewrapReport {
  previousKid: string;
}

export interface RetireReport extends RewrapReport {
  retiredKid: string;
}

const copy = (data: KeyFileData): KeyFileData => ({
  current: data.current,
  keys: { ...data.keys },
  dataKeys: { ...data.dataKeys },
});

/** Re-wraps under the current key every data key not yet reachable through it. */
export function rewrapDataKeys(
  data: KeyFileData,
  refs: Iterable<DataKeyRef>,
): {
  data: KeyFileData;
  report: RewrapReport;
} {
  const next = copy(data);
  const keyring = Keyring.fromData(data);
  const current = data.current;
  const master = Buffer.from(data.keys[current], 'base64');
  // Event refs first: `unwrap` tries the file's entry, then the event's own wrapping. Entries no
  // scanned event names still move to the current key, their own wrapping serving as the ref.
  const all = new Map<string, DataKeyRef>();
  for (const ref of refs) if (!all.has(ref.dkid)) all.set(ref.dkid, ref);
  for (const [dkid, entry] of Object.entries(data.dataKeys)) {
    if (!all.has(dkid)) all.set(dkid, { dkid, ...entry });
  }

  const report: RewrapReport = { currentKid: current, rewrapped: 0, unreadable: [] };
  for (const ref of all.values()) {
    const entry = next.dataKeys[ref.dkid];
    const settled = entry ? entry.kid === current : ref.kid === current;
    if (settled) continue;
    let dataKey: Buffer;
    try {
      dataKey = keyring.unwrap(ref);
    } catch (error) {
      if (!(error instanceof SecretError)) throw error;
      report.unreadable.push({ dkid: ref.dkid, kid: ref.kid, code: error.code });
      continue;
    }
    next.dataKeys[ref.dkid] = { kid: current, dk: wrapDataKey(master, current, ref.dkid, dataKey) };
    dataKey.fill(0);
    report.rewrapped += 1;
  }
  master.fill(0);
  return { data: next, report };
}

/** Adds a new current master key (old ones kept) and re-wraps every known data key under it. */
export function rotateKeyFileData(
  data: KeyFileData,
  refs: Iterable<DataKeyRef>,
  newKey: Buffer = generateKey(),
): { data: KeyFileData; report: RotationReport } {
  const kid = keyIdOf(newKey);
  if (kid in data.keys)
    throw new SecretError('SECRET_KEY_INVALID', `key "${kid}" is already in the key file`);
  const added = copy(data);
  added.keys[kid] = newKey.toString('base64');
  added.current = kid;
  const { data: next, report } = rewrapDataKeys(added, refs);
  return { data: next, report: { ...report, previousKid: data.current } };
}

/**
 * Removes a master key once nothing needs it: re-wraps first (so secrets sealed under it since
 * the rotation, by processes not yet reloaded, are caught by a fresh scan), and refuses while any
 * data key is unreadable, unless `force`.
 */
export function retireKeyFileData(
  data: KeyFileData,
  kid: string,
  refs: Iterable<DataKeyRef>,
  options: { force?: boolean } = {},
): { data: KeyFileData; report: RetireReport } {
  if (!(kid in data.keys)) {
    throw new SecretError('SECRET_KEY_MISSING', `key "${kid}" is not in the key file`, { kid });
  }
  if (kid === data.current) {
    throw new SecretError('SECRET_KEY_IN_USE', `key "${kid}" is the current key: rotate first`, {
      kid,
    });
  }
  const { data: next, report } = rewrapDataKeys(data, refs);
  if (report.unreadable.length > 0 && !options.force) {
    throw new SecretError(
      'SECRET_KEY_IN_USE',
      `${report.unreadable.length} data key(s) could not be re-wrapped; retiring "${kid}" may lose them (force to proceed)`,
      { kid, unreadable: report.unreadable },
    );
  }
  delete next.keys[kid];
  for (const [dkid, entry] of Object.entries(next.dataKeys)) {
    if (entry.kid === kid) delete next.dataKeys[dkid];
  }
  return { data: next, report: { ...report, retiredKid: kid } };
}

/** The CLI's `rotate`: `refs` are the sealed secrets found by scanning the event store. */
export function rotateMasterKey(
  keyFilePath: string,
  refs: Iterable<DataKeyRef>,
  options: ReadKeyFileOptions = {},
): RotationReport {
  const { data, report } = rotateKeyFileData(readKeyFile(keyFilePath, options), refs);
  writeKeyFile(keyFilePath, data);
  return report;
}

/** The CLI's `retire <kid>`: run after every process reloaded the key file, with a fresh scan. */
export function retireMasterKey(
  keyFilePath: string,
  kid: string,
  refs: Iterable<DataKeyRef>,
  options: ReadKeyFileOptions & { force?: boolean } = {},
): RetireReport {
  const { data, report } = retireKeyFileData(readKeyFile(keyFilePath, options), kid, refs, options);
  writeKeyFile(keyFilePath, data);
  return report;
}
