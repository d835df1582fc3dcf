import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  describeInstancesXml,
  errorXml,
  runInstancesXml,
  terminateInstancesXml,
  type InstanceStateName,
} from './ec2-xml';
import { instanceFrom, launchKey, list, matchesFilters, type FakeInstance } from './ec2-params';

export type { FakeInstance, FakeVolume } from './ec2-params';

/** One request the endpoint received: its action, its form params, who signed it and where. */
export interface Ec2Call {
  action: string;
  params: Record<string, string>;
  /** The access key id of the SigV4 `Credential=` (never the secret, which is not sent). */
  accessKeyId: string;
  region: string;
  at: number;
}

export interface FakeEc2Options {
  /** How long an instance stays `pending` after RunInstances (default 50 ms). */
  runningAfterMs?: number;
  /** The addresses instances report; the agent a test starts listens on them (127.0.0.1). */
  privateIp?: string;
  publicIp?: string;
  /** When set, a request signed with another access key id is refused (401 AuthFailure). */
  accessKeyId?: string;
}

type RunningListener = (instance: FakeInstance) => void | Promise<void>;

/**
 * A local EC2 endpoint for tests, on 127.0.0.1, speaking the EC2 Query API
 * (`Action=...&Version=2016-11-15`, form-encoded; XML answers) for the calls Monitor's Aws
 * builder makes: RunInstances, DescribeInstances (by id) and TerminateInstances. Point
 * `@aws-sdk/client-ec2` at `endpoint` with static credentials. An instance is `pending`, then
 * `running` once `runningAfterMs` have passed and a DescribeInstances sees it (the `onRunning`
 * listeners run first, so a test can start the instance's agent before the builder learns of
 * it); TerminateInstances makes it `shutting-down`, and the next DescribeInstances `terminated`.
 */
export class FakeEc2 {
  readonly calls: Ec2Call[] = [];
  readonly instances = new Map<string, FakeInstance>();
  private failingTerminations: string[] = [];
  private failingDescribes: number[] = [];
  private dropsAfterRun = 0;
  private readonly stallsAfterRun: (() => void)[] = [];
  /** ClientToken -> the instance it launched, and what was asked (a retry must ask the same). */
  private readonly launchesByToken = new Map<string, { id: string; key: string }>();
  private stuckPending = false;
  private readonly runningListeners: RunningListener[] = [];

  private readonly server = createServer((req, res) => {
    void this.handle(req, res).catch((error: Error) => {
      res.writeHead(500, { 'content-type': 'text/xml' });
      res.end(errorXml(newId(''), 'InternalError', error.message));
    });
  });
  private readonly options: Required<Omit<FakeEc2Options, 'publicIp' | 'accessKeyId'>> &
    FakeEc2Options;
  endpoint = '';

  private constructor(options: FakeEc2Options) {
    this.options = { runningAfterMs: 50, privateIp: '127.0.0.1', ...options };
  }

  static async start(options: FakeEc2Options = {}): Promise<FakeEc2> {
    const fake = new FakeEc2(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.endpoint = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The next `count` TerminateInstances answer 400 UnauthorizedOperation with `message`. */
  failNextTerminations(count = 1, message = 'You are not authorized to perform this operation.') {
    this.failingTerminations.push(...Array<string>(count).fill(message));
  }

  /** TerminateInstances succeeds again, whatever failures were still to come. */
  stopFailingTerminations(): void {
    this.failingTerminations = [];
  }

  /** The next `count` DescribeInstances answer `status` (500 InternalError, 503 Unavailable). */
  failNextDescribes(count = 1, status = 500): void {
    this.failingDescribes.push(...Array<number>(count).fill(status));
  }

  /** DescribeInstances answers again, whatever failures were still to come. */
  stopFailingDescribes(): void {
    this.failingDescribes = [];
  }

  /** The next `count` RunInstances launch, then drop the connection unanswered. */
  dropConnectionAfterNextRun(count = 1): void {
    this.dropsAfterRun += count;
  }

  /**
   * The next RunInstances launches and is never answered (its connection stays open until
   * `close`), as a client killed before it learns the instance id. Resolves once launched.
   */
  stallAfterNextRun(): Promise<void> {
    return new Promise((resolve) => this.stallsAfterRun.push(resolve));
  }

  /** The instances not terminated nor shutting down: what a clean test leaves none of. */
  runningInstances(): FakeInstance[] {
    return [...this.instances.values()].filter((i) => ['pending', 'running'].includes(i.state));
  }

  /** Instances launched from now on never leave `pending`. */
  neverReachRunning(): void {
    this.stuckPending = true;
  }

  /** Called (and awaited) once per instance, as it turns `running`. */
  onRunning(listener: RunningListener): void {
    this.runningListeners.push(listener);
  }

  callsOf(action: string): Ec2Call[] {
    return this.calls.filter((call) => call.action === action);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const credential = /Credential=([^/]+)\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '');
    const call: Ec2Call = {
      action: params.Action ?? '',
      params,
      accessKeyId: credential?.[1] ?? '',
      region: credential?.[2] ?? '',
      at: Date.now(),
    };
    this.calls.push(call);
    const requestId = newId('');
    const send = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
      res.end(xml);
    };
    if (!credential) return send(401, errorXml(requestId, 'AuthFailure', 'no SigV4 credential'));
    const expected = this.options.accessKeyId;
    if (expected !== undefined && call.accessKeyId !== expected)
      return send(
        401,
        errorXml(
          requestId,
          'AuthFailure',
          'AWS was not able to validate the provided access credentials',
        ),
      );
    switch (call.action) {
      case 'RunInstances': {
        const answer = this.runInstances(requestId, params);
        if (answer.status === 200 && this.dropsAfterRun > 0) {
          this.dropsAfterRun--;
          res.socket?.destroy();
          return;
        }
        const stalled = answer.status === 200 && this.stallsAfterRun.shift();
        if (stalled) return stalled();
        return send(answer.status, answer.xml);
      }
      case 'DescribeInstances': {
        const failure = this.failingDescribes.shift();
        if (failure !== undefined)
          return send(failure, errorXml(requestId, ...serverError(failure)));
        return send(200, await this.describeInstances(requestId, params));
      }
      case 'TerminateInstances': {
        const failure = this.failingTerminations.shift();
        if (failure !== undefined)
          return send(400, errorXml(requestId, 'UnauthorizedOperation', failure));
        return send(200, this.terminateInstances(requestId, params));
      }
      default:
        return send(400, errorXml(requestId, 'InvalidAction', `${call.action} is not faked`));
    }
  }

  /** A ClientToken seen before answers its instance again (EC2's idempotency), none started. */
  private runInstances(requestId: string, params: Record<string, string>) {
    const token = params.ClientToken;
    const earlier = token === undefined ? undefined : this.launchesByToken.get(token);
    if (earlier) {
      if (earlier.key !== launchKey(params))
        return {
          status: 400,
          xml: errorXml(
            requestId,
            'IdempotentParameterMismatch',
            `ClientToken ${token} was used with other parameters`,
          ),
        };
      const instance = this.instances.get(earlier.id)!;
      return { status: 200, xml: runInstancesXml(requestId, newId('r-'), instance) };
    }
    const instance = instanceFrom(params, newId('i-'), this.options);
    this.instances.set(instance.id, instance);
    if (token !== undefined)
      this.launchesByToken.set(token, { id: instance.id, key: launchKey(params) });
    return { status: 200, xml: runInstancesXml(requestId, newId('r-'), instance) };
  }

  private async describeInstances(requestId: string, params: Record<string, string>) {
    const ids = list(params, 'InstanceId');
    const found = (
      ids.length
        ? ids.map((id) => this.instances.get(id)).filter((i) => i !== undefined)
        : [...this.instances.values()]
    ).filter(matchesFilters(params));
    for (const instance of found) await this.advance(instance);
    return describeInstancesXml(requestId, found);
  }

  private terminateInstances(requestId: string, params: Record<string, string>): string {
    const changes = list(params, 'InstanceId').flatMap((id) => {
      const instance = this.instances.get(id);
      if (!instance) return [];
      const from = instance.state;
      const to: InstanceStateName = from === 'terminated' ? 'terminated' : 'shutting-down';
      instance.state = to;
      return [{ id, from, to }];
    });
    return terminateInstancesXml(requestId, changes);
  }

  /** Moves an instance on as time passed: pending -> running, shutting-down -> terminated. */
  private async advance(instance: FakeInstance): Promise<void> {
    if (instance.state === 'shutting-down') instance.state = 'terminated';
    if (instance.state !== 'pending' || this.stuckPending) return;
    if (Date.now() - instance.launchedAt < this.options.runningAfterMs) return;
    for (const listener of this.runningListeners) await listener(instance);
    // A listener may have terminated it meanwhile.
    if (instance.state === 'pending') instance.state = 'running';
  }
}

function newId(prefix: string): string {
  return `${prefix}${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** EC2's server-side error codes, by status. */
function serverError(status: number): [string, string] {
  return status === 503
    ? ['Unavailable', 'The server is overloaded and cannot handle the request.']
    : ['InternalError', 'An internal error has occurred.'];
}
