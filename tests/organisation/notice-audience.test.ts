/** New-document notices once users have a unit: the chain's documents and Trung ương's, everything without a unit. */
import { describe, expect, it } from 'vitest';
import type { Subscriber } from '../../src/core/notices.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import { buildDirectory } from '../../src/organisation/directory.ts';
import { chainAudience } from '../../src/organisation/notice-audience.ts';

const held = [
  { id: '1', issuer: 'Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn', place: 'Bắc Kạn' },
  { id: '2', issuer: 'Huyện ủy huyện Na Rì tỉnh Bắc Kạn', place: 'Bắc Kạn' },
] as StoredDocument[];
const directory = buildDirectory(held);
const units = new Map([['zalo:member', 'Đảng ủy xã Tân Lập (huyện Chợ Mới)']]);
const audience = chainAudience({ current: async (id) => units.get(id) ?? null }, { directory: async () => directory });

const member: Subscriber = { channel: 'zalo', chatId: 'member', userId: 'member', subscribedAt: new Date() };
const anyone: Subscriber = { channel: 'telegram', chatId: '42', userId: '42', subscribedAt: new Date() };
const published = (issuer: string, place: string | null = 'Bắc Kạn') => ({ id: 'new', issuer, place }) as StoredDocument;

describe('chainAudience', () => {
  it("tells a member with a unit of its chain's documents and Trung ương's only", async () => {
    expect(await audience(published('Ban Thường vụ Huyện ủy huyện Chợ Mới tỉnh Bắc Kạn'), member)).toBe(true);
    expect(await audience(published('Ban Thường vụ Tỉnh ủy Bắc Kạn'), member)).toBe(true);
    expect(await audience(published('Ban Dân vận Tỉnh ủy Bắc Kạn'), member)).toBe(true);
    expect(await audience(published('Ban Tổ chức Trung ương', null), member)).toBe(true);
    expect(await audience(published('Huyện ủy huyện Na Rì tỉnh Bắc Kạn'), member)).toBe(false);
    expect(await audience(published('Tỉnh ủy Cao Bằng', 'Cao Bằng'), member)).toBe(false);
  });

  it('tells a subscriber with no unit of everything, and announces a document whose issuer it cannot read', async () => {
    expect(await audience(published('Huyện ủy huyện Na Rì tỉnh Bắc Kạn'), anyone)).toBe(true);
    expect(await audience({ ...published(''), issuer: null }, member)).toBe(true);
  });
});
