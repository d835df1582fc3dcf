import { useEffect, useState, type FormEvent } from 'react';
import type { AuthAnswerOf, UsernamePasswordDto } from '@monitor/contracts';
import { loginRequest } from '../api/client';
import { useSessionState } from '../api/session';
import { ErrorNote } from '../components/error-note';

/** Sign in, or sign up while sign-ups are open (always for the first user, who becomes admin). */
export function SignInPage() {
  const { signIn, notice } = useSessionState();
  const [mode, setMode] = useState<'in' | 'up'>('in');
  const [options, setOptions] = useState<AuthAnswerOf<'GetLoginOptions'>>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loginRequest('GetLoginOptions').then((o) => {
      setOptions(o);
      if (!o.registration_disabled) setMode('up');
    }, setError);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const params: UsernamePasswordDto = { username, password };
      const jwt =
        mode === 'up'
          ? (await loginRequest('SignUpLocalUser', params)).jwt
          : (await loginRequest('LoginLocalUser', params)).data.jwt;
      await signIn(jwt);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const canSignUp = options && !options.registration_disabled;
  return (
    <main className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-label={mode === 'up' ? 'Sign up' : 'Sign in'}>
        <h1>Monitor</h1>
        <p className="muted">
          {mode === 'up'
            ? 'Create a user. The first user of an installation is its admin.'
            : 'Sign in to deploy and watch your servers.'}
        </p>
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <label htmlFor="username">Username</label>
        <input
          id="username"
          autoComplete="username"
          value={username}
          required
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete={mode === 'up' ? 'new-password' : 'current-password'}
          value={password}
          required
          onChange={(e) => setPassword(e.target.value)}
        />
        {mode === 'up' && (
          <p className="help">At least 8 characters, not the username, not a common password.</p>
        )}
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {mode === 'up' ? 'Sign up' : 'Sign in'}
        </button>
        {canSignUp && (
          <button
            type="button"
            className="link"
            onClick={() => setMode(mode === 'up' ? 'in' : 'up')}
          >
            {mode === 'up' ? 'I have a user: sign in' : 'Create a user'}
          </button>
        )}
      </form>
    </main>
  );
}
