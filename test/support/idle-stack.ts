import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { ApiClient } from './api';
import type { UpdateView } from './updates';

/** A compose file of one busybox service that idles, on no network, until it is stopped. */
export const IDLE_COMPOSE = `services:
  idle:
    image: ${BUSYBOX_TEST_IMAGE}
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    network_mode: none
`;

/**
 * Creates a Stack of IDLE_COMPOSE on the local agent whose pre-deploy runs `preDeploy`, and starts
 * deploying it: answers DeployStack's Update as it began, for a test that watches the stage run.
 * The test image is only on this host: no pull (which would ask docker.io).
 */
export async function deployIdleStack(
  admin: ApiClient,
  stack: { name: string; project?: string },
  preDeploy: string,
): Promise<UpdateView> {
  await admin.write('CreateStack', {
    name: stack.name,
    config: {
      server_id: 'local',
      ...(stack.project ? { project_name: stack.project } : {}),
      auto_pull: false,
      file_contents: IDLE_COMPOSE,
      pre_deploy: { path: '', command: preDeploy },
    },
  });
  return admin.execute<UpdateView>('DeployStack', { stack: stack.name });
}
