/**
 * A bounded memo of {@link numberKey}: asking whether a question names a document checks every catalog
 * entry, and re-parsing each document number per question would cost more than the check itself.
 */
import { numberKey } from './number-key.ts';

/** Maps a document number to its key, parsing each number once. */
export type NumberKeyMemo = (number: string) => string;

/**
 * Creates a memo holding up to `capacity` numbers (far above any collection's distinct numbers); past that it
 * starts afresh, so hostile input cannot grow it without bound.
 */
export function createNumberKeyMemo(capacity = 100_000): NumberKeyMemo {
  const keys = new Map<string, string>();
  return (number) => {
    let key = keys.get(number);
    if (key === undefined) {
      key = numberKey(number);
      if (keys.size >= capacity) keys.clear();
      keys.set(number, key);
    }
    return key;
  };
}
