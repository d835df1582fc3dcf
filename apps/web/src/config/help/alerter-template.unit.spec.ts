import { ALERTER_ENDPOINT_PARAM_HELP } from './alerter-template';

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
