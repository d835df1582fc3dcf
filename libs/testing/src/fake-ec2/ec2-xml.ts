/** EC2's Query API answers: XML in the 2016-11-15 namespace, as `@aws-sdk/client-ec2` parses them. */

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated';

/** EC2's state codes (the low byte of `instanceState.code`). */
const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
};

export interface InstanceView {
  id: string;
  imageId: string;
  instanceType: string;
  state: InstanceStateName;
  subnetId: string;
  keyName: string;
  privateIp: string;
  publicIp?: string;
  securityGroupIds: string[];
  tags: Record<string, string>;
  launchedAt: number;
  clientToken?: string;
}

const NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const el = (name: string, value: string | number) =>
  `<${name}>${escapeXml(String(value))}</${name}>`;

const state = (name: InstanceStateName) => `<code>${STATE_CODES[name]}</code>${el('name', name)}`;

function instanceXml(i: InstanceView): string {
  return [
    '<item>',
    el('instanceId', i.id),
    el('imageId', i.imageId),
    `<instanceState>${state(i.state)}</instanceState>`,
    el('instanceType', i.instanceType),
    el('launchTime', new Date(i.launchedAt).toISOString()),
    el('subnetId', i.subnetId),
    el('keyName', i.keyName),
    i.clientToken ? el('clientToken', i.clientToken) : '',
    el('privateIpAddress', i.privateIp),
    i.publicIp && i.state === 'running' ? el('ipAddress', i.publicIp) : '',
    '<groupSet>',
    ...i.securityGroupIds.map((id) => `<item>${el('groupId', id)}</item>`),
    '</groupSet><tagSet>',
    ...Object.entries(i.tags).map(([k, v]) => `<item>${el('key', k)}${el('value', v)}</item>`),
    '</tagSet></item>',
  ].join('');
}

function answer(action: string, requestId: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${NAMESPACE}">${el('requestId', requestId)}${body}</${action}Response>`;
}

export function runInstancesXml(requestId: string, reservationId: string, i: InstanceView) {
  return answer(
    'RunInstances',
    requestId,
    `${el('reservationId', reservationId)}${el('ownerId', '000000000000')}<groupSet/><instancesSet>${instanceXml(i)}</instancesSet>`,
  );
}

export function describeInstancesXml(requestId: string, instances: InstanceView[]) {
  const reservations = instances.map(
    (i) =>
      `<item>${el('reservationId', `r-${i.id.slice(2)}`)}${el('ownerId', '000000000000')}<instancesSet>${instanceXml(i)}</instancesSet></item>`,
  );
  return answer(
    'DescribeInstances',
    requestId,
    `<reservationSet>${reservations.join('')}</reservationSet>`,
  );
}

export function terminateInstancesXml(
  requestId: string,
  changes: { id: string; from: InstanceStateName; to: InstanceStateName }[],
) {
  const items = changes.map(
    (c) =>
      `<item>${el('instanceId', c.id)}<currentState>${state(c.to)}</currentState><previousState>${state(c.from)}</previousState></item>`,
  );
  return answer('TerminateInstances', requestId, `<instancesSet>${items.join('')}</instancesSet>`);
}

/** EC2's error answer (HTTP 4xx/5xx), which the SDK turns into an error named by `code`. */
export function errorXml(requestId: string, code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>${el('Code', code)}${el('Message', message)}</Error></Errors>${el('RequestID', requestId)}</Response>`;
}
