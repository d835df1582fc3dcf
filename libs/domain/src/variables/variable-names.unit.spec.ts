import { refuseCaseTwin, variableNameKey } from './variable-names';

describe('variable names differing only in case', () => {
  it('refuses a name another variable has in another case, naming it', () => {
    expect(() => refuseCaseTwin(['DB_HOST', 'TOKEN'], 'token')).toThrow(
      "name: a variable named 'TOKEN' already exists; 'token' differs from it only in case",
    );
    expect(() => refuseCaseTwin(['Token'], 'TOKEN')).toThrow(/'Token'/);
  });
  it('passes new names and the same name (its own conflict is the decider’s)', () => {
    expect(() => refuseCaseTwin(['DB_HOST'], 'TOKEN')).not.toThrow();
    expect(() => refuseCaseTwin(['TOKEN'], 'TOKEN')).not.toThrow();
  });
  it('keys a name by its lower case', () => {
    expect(variableNameKey('Api_Token')).toBe('api_token');
  });
});
