import { changeOf } from './observed-feed';

describe('changeOf', () => {
  it('names the kind and id from the stream of a stored event', () => {
    const event = { stream: 'deploymentstatus-d1', type: 'DeploymentStatusChanged', position: 4 };
    expect(changeOf(event)).toEqual({
      kind: 'Deployment',
      id: 'd1',
      type: 'DeploymentStatusChanged',
    });
    expect(changeOf({ stream: 'alert-a-1', type: 'AlertOpened' })).toEqual({
      kind: 'Alert',
      id: 'a-1',
      type: 'AlertOpened',
    });
  });

  it('ignores what is not an observed stream', () => {
    expect(changeOf({ stream: 'deployment-d1', type: 'X' })).toBeUndefined();
    expect(changeOf('not an event')).toBeUndefined();
    expect(changeOf(null)).toBeUndefined();
  });
});
