import { LimitsSettings } from '@monitor/config';
import { AGENT_LIMITS } from './agent-limits';

describe("the agent's HTTP limits", () => {
  it("are the gateway's defaults, written out so the agent loads no config classes", () => {
    const {
      events_per_user: _gatewayOnly,
      feed_buffer: _feedsOnly,
      feed_heartbeat_ms: _heartbeatsOnly,
      ...defaults
    } = { ...new LimitsSettings() };
    expect(AGENT_LIMITS).toEqual(defaults);
  });
});
