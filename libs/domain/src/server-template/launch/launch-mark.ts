import { invalid } from '../../shared/domain-error';

/** The label a Hetzner server and its volumes carry: which launch made them. */
export const HETZNER_LAUNCH_LABEL = 'monitor-launch';
const EC2_CLIENT_TOKEN_MAX = 64;

export interface LaunchMark {
  /**
   * EC2 RunInstances' ClientToken: a retry with it starts no second instance, and
   * DescribeInstances filtered by `client-token` finds the one it started.
   */
  clientToken: string;
  /** Found again with `label_selector=<key>==<value>` after an unclear answer. */
  hetznerLabel: { key: string; value: string };
}

/** What marks what a launch creates, made from its Update id so a restarted deployer finds it. */
export function launchMark(updateId: string): LaunchMark {
  // Update ids are 24 hex digits; anything else would not fit both marks' rules.
  if (!/^[A-Za-z0-9]{1,48}$/.test(updateId))
    throw invalid(`updateId: must be 1 to 48 letters or digits (got "${updateId}")`, {
      field: 'updateId',
    });
  const clientToken = `monitor-launch-${updateId}`;
  if (clientToken.length > EC2_CLIENT_TOKEN_MAX) throw new Error('client token over 64');
  return { clientToken, hetznerLabel: { key: HETZNER_LAUNCH_LABEL, value: updateId } };
}
