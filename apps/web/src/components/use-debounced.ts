import { useEffect, useState } from 'preact/hooks';

/** Waits until typing pauses before passing the value on, so each keystroke does not ask the server. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
