import { useState } from 'preact/hooks';

/**
 * One thing a person does on a screen (submit a form, press a button): whether it is running, and what went wrong.
 * `submit` is the same for a form's onSubmit, without the browser's own page reload.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      await action(...args);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    void run(...([] as unknown as A));
  };
  return { run, submit, busy, error };
}
