import type { EntryKind } from '@lancar/domain';
import { useState } from 'preact/hooks';
import type { NewEntry } from '../../offline/household-store.ts';
import { saveEntry } from '../../offline/save-entry.ts';

/**
 * Shared by the log forms: a message for what to fix, a busy flag, and saving on the phone (which needs no
 * connection) followed by `onSaved`. `build` returns the entry, or a sentence saying what is wrong.
 */
export function useLogForm<K extends EntryKind>(
  userId: string,
  build: () => NewEntry<K> | string,
  onSaved: () => void,
) {
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async (event?: Event) => {
    event?.preventDefault();
    const entry = build();
    if (typeof entry === 'string') {
      setMessage(entry);
      return;
    }
    setMessage(undefined);
    setBusy(true);
    try {
      await saveEntry(userId, entry);
      onSaved();
    } catch (error) {
      setMessage(String((error as Error).message ?? error));
    } finally {
      setBusy(false);
    }
  };
  return { save, message, busy, setMessage };
}
