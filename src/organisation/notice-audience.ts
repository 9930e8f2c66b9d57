/**
 * Who hears of a new document once users have a unit: a subscriber whose chat set one hears of the documents of
 * its chain (its own body, the bodies above it and their departments) and of Trung ương; a subscriber with no unit
 * (and no DEFAULT_ORGANISATION) hears of everything, as before. A document whose issuer cannot be read, or a unit
 * the collection no longer knows, is announced rather than silently withheld.
 */
import type { NoticeAudience } from '../notices/announce.ts';
import type { Units } from '../core/services.ts';
import { parseBody } from './body-name.ts';
import { resolveUnit } from './match-unit.ts';
import type { Organisations } from './organisations.ts';

/** The audience for `createPublicationNotices`. */
export function chainAudience(units: Pick<Units, 'current'>, organisations: Organisations): NoticeAudience {
  return async (document, subscriber) => {
    const unit = await units.current(`${subscriber.channel}:${subscriber.chatId}`);
    if (!unit) return true;
    const issuer = document.issuer ? parseBody(document.issuer, document.place)[0] : undefined;
    if (!issuer) return true;
    if (issuer.level === 'central') return true;
    const directory = await organisations.directory();
    const body = resolveUnit(directory, unit);
    if (!body) return true;
    if (directory.chain(body.key).some((link) => link.body.key === issuer.key)) return true;
    // A department the collection has no document of yet (its first plan is the one announced) under a committee above.
    return issuer.kind === 'department' && directory.ancestors(body.key).some((b) => b.key === issuer.parentKey);
  };
}
