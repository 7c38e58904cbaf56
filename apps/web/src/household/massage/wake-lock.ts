import { useEffect } from 'preact/hooks';

/**
 * Keeps the screen on while `active`: the companion's hands are oily, so the phone must not lock mid-step. The
 * browser drops the lock whenever the page is hidden, so it is asked for again when the page is visible. Phones
 * without the Screen Wake Lock API (older Android WebViews) simply go without.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock;
    if (!wakeLock) return;
    let sentinel: WakeLockSentinel | null = null;
    let ended = false;
    const acquire = async () => {
      if (ended || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const next = await wakeLock.request('screen');
        if (ended) void next.release().catch(() => {});
        else sentinel = next;
      } catch {
        // Refused (battery saver, no permission): the screen may dim.
      }
    };
    const onVisibility = () => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    void acquire();
    return () => {
      ended = true;
      document.removeEventListener('visibilitychange', onVisibility);
      if (sentinel && !sentinel.released) void sentinel.release().catch(() => {});
      sentinel = null;
    };
  }, [active]);
}
