import { ALERTER_ENDPOINT_PARAM_HELP, SERVER_TEMPLATE_PARAM_HELP } from './alerter-template';

describe("an Alerter endpoint's param help", () => {
  it('explains every param of every endpoint type, each one sentence of at most 140 characters', () => {
    const params = ['url', 'email', 'bot_token', 'chat_id', 'host', 'port', 'security'];
    const email = ['username', 'password', 'from', 'to'];
    expect(Object.keys(ALERTER_ENDPOINT_PARAM_HELP).sort()).toEqual([...params, ...email].sort());
    const bad = Object.entries(ALERTER_ENDPOINT_PARAM_HELP).filter(
      ([, text]) => !text.endsWith('.') || text.length > 140,
    );
    expect(bad).toEqual([]);
  });
});

describe("a ServerTemplate's param help", () => {
  it('explains the account and both names of Hetzner enums, each one sentence of at most 140 characters', () => {
    expect(SERVER_TEMPLATE_PARAM_HELP.datacenter).toMatch(/Nuremberg1Dc3 or nbg1-dc3/);
    expect(SERVER_TEMPLATE_PARAM_HELP.server_type).toMatch(/SharedAmd2Core2Ram40Disk or cpx11/);
    expect(SERVER_TEMPLATE_PARAM_HELP.cloud_account).toMatch(/core's/);
    const bad = Object.entries(SERVER_TEMPLATE_PARAM_HELP).filter(
      ([, text]) => !text.endsWith('.') || text.length > 140,
    );
    expect(bad).toEqual([]);
  });
});
