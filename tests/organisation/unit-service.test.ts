/** The unit service: remembering only a body that fits, the deployment's default, clearing. */
import { describe, expect, it } from 'vitest';
import type { UnitBook } from '../../src/core/ports.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import { buildDirectory } from '../../src/organisation/directory.ts';
import { createUnitService } from '../../src/organisation/unit-service.ts';

function memoryBook(): UnitBook & { rows: Map<string, { name: string; typed: string }> } {
  const rows = new Map<string, { name: string; typed: string }>();
  return {
    rows,
    get: async (id) => rows.get(id)?.name ?? null,
    put: async (id, unit) => void rows.set(id, unit),
    remove: async (id) => {
      const had = rows.get(id)?.name ?? null;
      rows.delete(id);
      return had;
    },
  };
}

const directory = buildDirectory([
  { id: '1', issuer: 'Thành ủy Bắc Kạn', place: 'Bắc Kạn' },
  { id: '2', issuer: 'Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn', place: 'Bắc Kạn' },
] as StoredDocument[]);

function service(defaultUnit?: string) {
  const book = memoryBook();
  const units = createUnitService({ book, organisations: { directory: async () => directory }, ...(defaultUnit ? { defaultUnit } : {}) });
  return { book, units };
}

describe('unit service', () => {
  it('remembers the body it understood, with its chain, under its name in the hierarchy', async () => {
    const { book, units } = service();
    expect(await units.set('telegram:1', 'dang uy xa tan lap')).toEqual({
      kind: 'set',
      name: 'Đảng ủy xã Tân Lập (huyện Chợ Mới)',
      chain: 'Đảng ủy xã Tân Lập (huyện Chợ Mới) › Huyện ủy Chợ Mới (tỉnh Bắc Kạn) › Tỉnh ủy Bắc Kạn',
    });
    expect(book.rows.get('telegram:1')).toEqual({ name: 'Đảng ủy xã Tân Lập (huyện Chợ Mới)', typed: 'dang uy xa tan lap' });
    expect(await units.current('telegram:1')).toBe('Đảng ủy xã Tân Lập (huyện Chợ Mới)');
  });

  it('remembers nothing for an ambiguous or unknown name', async () => {
    const { book, units } = service();
    expect((await units.set('zalo:1', 'bac kan')).kind).toBe('ambiguous');
    expect((await units.set('zalo:1', 'Đảng ủy phường Hòa Bình')).kind).toBe('unknown');
    expect(book.rows.size).toBe(0);
  });

  it('applies DEFAULT_ORGANISATION to conversations that set none, and again after clearing', async () => {
    const { units } = service('Thành ủy Bắc Kạn');
    expect(await units.current('api:x')).toBe('Thành ủy Bắc Kạn');
    await units.set('api:x', 'Đảng ủy xã Tân Lập');
    expect(await units.current('api:x')).toBe('Đảng ủy xã Tân Lập (huyện Chợ Mới)');
    expect(await units.clear('api:x')).toEqual({ previous: 'Đảng ủy xã Tân Lập (huyện Chợ Mới)', fallback: 'Thành ủy Bắc Kạn' });
    expect(await units.current('api:x')).toBe('Thành ủy Bắc Kạn');
    expect(await units.clear('api:x')).toEqual({ previous: null, fallback: 'Thành ủy Bắc Kạn' });
  });
});
