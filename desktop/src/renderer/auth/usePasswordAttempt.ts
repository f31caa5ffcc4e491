import { useState, type FormEvent } from 'react';

/**
 * The state of a password form: the password typed, whether an attempt is running, and why the
 * last one failed. A failed attempt clears the password; a successful one leaves the form to be
 * replaced by what the session shows next.
 */
export function usePasswordAttempt(attempt: (password: string) => Promise<void>, initialFailure: unknown = null) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(initialFailure);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await attempt(password);
    } catch (error) {
      setFailure(error);
      setPassword('');
      setBusy(false);
    }
  };

  return { password, setPassword, busy, failure, submit };
}
