import type Dockerode from 'dockerode';

/**
 * How many times Docker created a container of `name` since `since` (seconds), by its events.
 * Docker matches the name as a prefix, so a Deploy's temporary `<name>-deploying-…` counts.
 */
export async function creations(docker: Dockerode, name: string, since: number): Promise<number> {
  const stream = await docker.getEvents({
    since,
    until: Math.ceil(Date.now() / 1000) + 1,
    filters: { type: ['container'], event: ['create'], container: [name] },
  });
  let text = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString();
  return text.split('\n').filter((line) => line.trim()).length;
}
