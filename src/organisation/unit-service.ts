/**
 * The unit service: what `/donvi`, `đơn vị` and the API's `organisation` do. A typed name is matched against the
 * bodies the collection knows (src/organisation/match-unit.ts); exactly one fitting body is remembered for the
 * conversation, by its name in the hierarchy, so a later question resolves it without guessing again.
 */
import type { UnitBook } from '../core/ports.ts';
import type { UnitChoice, Units } from '../core/services.ts';
import { chainText } from './directory.ts';
import { matchUnit } from './match-unit.ts';
import type { Organisations } from './organisations.ts';

/** What the service is built from. */
export interface UnitServiceDeps {
  book: UnitBook;
  organisations: Organisations;
  /** DEFAULT_ORGANISATION: the unit of every conversation that set none. */
  defaultUnit?: string;
}

/** Creates the service. */
export function createUnitService(deps: UnitServiceDeps): Units {
  const fallback = deps.defaultUnit?.trim() || null;

  async function understand(typed: string): Promise<UnitChoice> {
    const directory = await deps.organisations.directory();
    const name = typed.trim();
    const match = matchUnit(directory, name);
    switch (match.kind) {
      case 'found':
        return { kind: 'set', name: match.body.name, chain: chainText(directory, match.body.key) };
      case 'ambiguous':
        return { kind: 'ambiguous', typed: name, candidates: match.candidates.map((b) => b.name) };
      case 'unknown':
        return { kind: 'unknown', typed: name, closest: match.closest.map((b) => b.name) };
    }
  }

  return {
    understand,
    async set(conversationId, typed) {
      const choice = await understand(typed);
      if (choice.kind === 'set') await deps.book.put(conversationId, { name: choice.name, typed: typed.trim() });
      return choice;
    },
    async clear(conversationId) {
      return { previous: await deps.book.remove(conversationId), fallback };
    },
    async current(conversationId) {
      return (await deps.book.get(conversationId)) ?? fallback;
    },
  };
}
