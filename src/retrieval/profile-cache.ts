/**
 * Profiles (src/retrieval/coverage.ts) of stored texts, kept in memory: every question reads the same sections'
 * headings, bodies and full texts, and profiling text (normalising, splitting syllables, both views) was most of
 * an answer's time. A stored section never changes (a new version is a new document), so a profile is valid as
 * long as its id; the oldest entries go when the cache is full.
 */
import { profileOf, type TextProfile } from './coverage.ts';

export interface ProfileCache {
  /** The profile of `text`, stored under `key` (e.g. `body:<section id>`). */
  of(key: string, text: string): TextProfile;
}

/** Creates the cache; `maxEntries` bounds its memory. */
export function createProfileCache(maxEntries = 50_000): ProfileCache {
  const entries = new Map<string, TextProfile>();
  return {
    of(key, text) {
      const known = entries.get(key);
      if (known) return known;
      const profile = profileOf(text);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, profile);
      return profile;
    },
  };
}
