/**
 * The collection's statements of force applied to its documents on a day: links by number, date, issuer and
 * place; effective dates; an admin's link; amendments, continuations and ends; nothing inferred from years.
 */
import { describe, expect, it } from 'vitest';
import type { ForceStatement, StoredForceStatement } from '../../src/core/force.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import { isSuperseded, resolveForce, vietnamDay, withForce } from '../../src/retrieval/force-status.ts';

function doc(id: string, number: string | null, issuedOn: string | null, extra: Partial<StoredDocument> = {}): StoredDocument {
  return {
    id, source: `${id}.txt`, contentHash: id, type: 'Quy định', number, title: 'tiếp dân', issuer: 'Tỉnh ủy Lâm Giang', signer: null,
    signerRole: null, place: 'Lâm Giang', issuedOn, year: issuedOn ? Number(issuedOn.slice(0, 4)) : null, yearSource: 'date',
    status: 'active', version: 1, replacedBy: null, createdAt: new Date('2025-01-01'), sectionCount: 1, chunkCount: 1, warnings: [], ...extra,
  };
}

let nextId = 1;
function statement(documentId: string, s: Partial<ForceStatement> & Pick<ForceStatement, 'kind'>, link: Partial<StoredForceStatement> = {}): StoredForceStatement {
  return { id: nextId++, documentId, target: null, date: null, fromSigning: false, text: 'Quy định này …', sectionLabel: 'Điều 7', linkSource: 'auto', linkedId: null, ...s, ...link };
}

const target = (number: string, date: string | null = null, issuer: string | null = 'Ban Thường vụ Tỉnh ủy') => ({ type: 'Quy định' as const, number, date, issuer });

const OLD = doc('old', '05-QĐ/TU', '2019-09-12');
const NEW = doc('new', '12-QĐ/TU', '2024-05-20');
const REPLACES = [statement('new', { kind: 'effective', fromSigning: true }), statement('new', { kind: 'replaces', target: target('05-QĐ/TU', '2019-09-12') })];

describe('force status', () => {
  it('marks the named document replaced from the new one\'s effective date, whatever order they came in', () => {
    for (const docs of [[OLD, NEW], [NEW, OLD]]) {
      const force = resolveForce(docs, REPLACES, '2025-07-01');
      expect(force.get('old')).toMatchObject({ state: 'replaced', by: { kind: 'replaces', since: '2024-05-20', applied: true, other: { documentId: 'new', number: '12-QĐ/TU', date: '2024-05-20' } } });
      expect(force.get('new')).toMatchObject({ state: 'in_force', effectiveOn: '2024-05-20', affects: [{ kind: 'replaces', other: { documentId: 'old', number: '05-QĐ/TU' } }] });
    }
    // The new one alone names what it replaces as written; nothing is marked until the old one is there.
    expect(resolveForce([NEW], REPLACES, '2025-07-01').get('new')?.affects[0]?.other).toMatchObject({ documentId: null, number: '05-QĐ/TU', date: '2019-09-12' });
  });

  it('waits for an effective date still to come', () => {
    const later = [statement('new', { kind: 'effective', date: '2025-09-01' }), statement('new', { kind: 'replaces', target: target('05-QĐ/TU') })];
    const before = resolveForce([OLD, NEW], later, '2025-07-01');
    expect(before.get('old')).toMatchObject({ state: 'in_force', affectedBy: [{ since: '2025-09-01', applied: false }] });
    expect(before.get('new')?.state).toBe('not_yet');
    expect(resolveForce([OLD, NEW], later, '2025-09-01').get('old')?.state).toBe('replaced');
  });

  it('links only a document of the same place, date and an earlier day; an admin link wins', () => {
    const elsewhere = doc('elsewhere', '05-QĐ/TU', '2019-09-12', { place: 'Hải Lâm', issuer: 'Tỉnh ủy Hải Lâm' });
    const otherTerm = doc('other-term', '05-QĐ/TU', '2016-02-01');
    const later = doc('later', '05-QĐ/TU', '2026-01-01');
    const force = resolveForce([elsewhere, otherTerm, later, NEW], REPLACES, '2025-07-01');
    for (const id of ['elsewhere', 'other-term', 'later']) expect(force.get(id)?.state, id).toBe('in_force');
    const undated = [statement('new', { kind: 'replaces', target: target('05-QĐ/TU') })];
    expect(resolveForce([otherTerm, later, NEW], undated, '2025-07-01').get('other-term')?.state).toBe('replaced');
    const admin = [statement('new', { kind: 'replaces', target: target('05-QĐ/TU') }, { linkSource: 'admin', linkedId: null })];
    expect(resolveForce([OLD, NEW], admin, '2025-07-01').get('old')?.state).toBe('in_force');
    const city = doc('city', '05-QĐ/TU', '2019-09-12', { place: 'TP. Lâm Giang' });
    expect(resolveForce([city, NEW], REPLACES, '2025-07-01').get('city')?.state).toBe('replaced');
    const relinked = [statement('new', { kind: 'replaces', target: target('05-QĐ/TU') }, { linkSource: 'admin', linkedId: 'elsewhere' })];
    expect(resolveForce([OLD, elsewhere, NEW], relinked, '2025-07-01').get('elsewhere')?.state).toBe('replaced');
  });

  it('keeps an amended document in force, flags it amended, and lets the latest word decide', () => {
    const plan = doc('plan', '30-KH/TU', '2025-01-10', { type: 'Kế hoạch' });
    const amending = doc('amending', '41-KH/TU', '2025-06-16', { type: 'Kế hoạch' });
    const force = resolveForce([plan, amending], [statement('amending', { kind: 'amends', target: target('30-KH/TU') })], '2025-07-01');
    expect(force.get('plan')).toMatchObject({ state: 'amended', by: { other: { documentId: 'amending' } } });
    expect(isSuperseded({ force: force.get('plan') })).toBe(false);
    const reviving = doc('reviving', '20-KL/TU', '2025-03-01', { type: 'Kết luận' });
    const statements = [...REPLACES, statement('reviving', { kind: 'continues', target: target('05-QĐ/TU') })];
    expect(resolveForce([OLD, NEW, reviving], statements, '2025-07-01').get('old')?.state).toBe('in_force');
  });

  it('ends a document on the day it names for itself, and on another document\'s word', () => {
    const ending = [statement('old', { kind: 'expires', date: '2024-12-31' })];
    expect(resolveForce([OLD], ending, '2024-12-30').get('old')).toMatchObject({ state: 'in_force', expiresOn: '2024-12-31' });
    expect(resolveForce([OLD], ending, '2025-01-01').get('old')).toMatchObject({ state: 'expired', by: null });
    const ended = [statement('new', { kind: 'expires', target: target('05-QĐ/TU'), date: '2024-06-01' })];
    expect(resolveForce([OLD, NEW], ended, '2025-07-01').get('old')).toMatchObject({ state: 'expired', by: { since: '2024-06-01' } });
  });

  it('infers nothing from years: next year\'s plan replaces this year\'s only when it says so', () => {
    const plans = [doc('p2024', '18-KH/TU', '2024-01-15', { type: 'Kế hoạch' }), doc('p2025', '30-KH/TU', '2025-01-10', { type: 'Kế hoạch' })];
    const docs = withForce(plans, [], '2025-07-01');
    expect(docs.map((d) => d.force?.state)).toEqual(['in_force', 'in_force']);
    expect(docs.some(isSuperseded)).toBe(false);
  });

  it('ignores statements of documents outside the set (drafts, retired ones)', () => {
    expect(resolveForce([OLD], REPLACES, '2025-07-01').get('old')?.state).toBe('in_force');
  });

  it('counts days in Vietnam time', () => {
    expect(vietnamDay(new Date('2025-06-30T18:30:00Z'))).toBe('2025-07-01');
  });
});
