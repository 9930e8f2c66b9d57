/**
 * The admin service on the real pipeline, store, catalog and engine: drafts are invisible until published,
 * a new version replaces the old, cancel and retire, and every action in the audit log.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openCore, type Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import type { Actor, Admin, DraftReview, UploadRefusal } from '../../src/core/services.ts';
import { fixedClock } from '../fakes/clock.ts';

const actor: Actor = { channel: 'admin-api', userId: 'admin-1', name: 'Quản trị' };
let core: Core;
let admin: Admin;

/** A small directive whose distinctive bullet is `bullet`. */
function directive(bullet: string): Uint8Array {
  return new TextEncoder().encode(
    [
      'KẾ HOẠCH',
      'tuyên truyền về chuyển đổi số trong Đảng bộ năm 2024',
      '',
      'Thực hiện Kế hoạch số 99-KH/TU ngày 10/1/2024 của Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '',
      '- Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số.',
      '',
      'II. NỘI DUNG',
      '',
      '1. Tuyên truyền chuyển đổi số',
      '',
      `- ${bullet}`,
      '',
    ].join('\n'),
  );
}

function isReview(r: DraftReview | UploadRefusal): r is DraftReview {
  return !('refused' in r);
}

async function citedIds(question: string): Promise<string[]> {
  const answer = await core.engine.ask({ text: question, conversationId: `admin-${Math.random()}`, channel: 'eval' });
  return answer.citations.map((c) => c.documentId);
}

async function auditActions(): Promise<Array<{ action: string; actor_id: string; detail: Record<string, unknown> }>> {
  return core.db.query('SELECT action, actor_id, detail FROM audit_log ORDER BY id');
}

beforeAll(async () => {
  core = await openCore({ config: loadConfig({}), logger: pino({ level: 'silent' }), databaseUrl: 'memory://', clock: fixedClock() });
  admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog });
});

afterAll(async () => {
  await core?.close();
});

describe('admin service', () => {
  let v1 = '';

  it('an upload is a draft with its review, and users cannot find it', async () => {
    const review = await admin.upload({ name: 'chuyen-doi-so.txt', bytes: directive('Xây dựng chuyên mục sổ tay đảng viên điện tử trên cổng thông tin huyện.') }, actor);
    expect(isReview(review)).toBe(true);
    if (!isReview(review)) return;
    v1 = review.document.id;
    expect(review.document).toMatchObject({ status: 'draft', type: 'Kế hoạch', year: 2024, source: 'chuyen-doi-so.txt' });
    expect(review.outline.map((o) => o.label)).toEqual(['', 'I', 'II', 'II.1']);
    expect(review.replaces).toBeNull();
    expect(await citedIds('sổ tay đảng viên điện tử trên cổng thông tin')).not.toContain(v1);
    expect(await core.store.listDocuments({ status: 'active' })).toEqual([]);
  });

  it('publishing makes it searchable', async () => {
    const published = await admin.publish(v1, actor);
    expect(published).toMatchObject({ id: v1, status: 'active', version: 1 });
    expect(await citedIds('sổ tay đảng viên điện tử trên cổng thông tin')).toContain(v1);
    expect(await core.library.year(2024)).toMatchObject({ years: [2024] });
  });

  let v2 = '';

  it('publishing a new version replaces the old one', async () => {
    const review = await admin.upload({ name: 'chuyen-doi-so.txt', bytes: directive('Tổ chức cuộc thi tìm hiểu về ứng dụng trí tuệ nhân tạo trong công tác đảng.') }, actor);
    if (!isReview(review)) throw new Error(review.reason);
    v2 = review.document.id;
    expect(review.replaces?.id).toBe(v1);
    // Until published, users still get the old version.
    expect(await citedIds('sổ tay đảng viên điện tử trên cổng thông tin')).toContain(v1);
    const published = await admin.publish(v2, actor);
    expect(published).toMatchObject({ id: v2, status: 'active', version: 2 });
    expect((await core.store.getDocument(v1))).toMatchObject({ status: 'replaced', replacedBy: v2 });
    expect((await admin.history(v2)).map((d) => [d.version, d.status])).toEqual([
      [2, 'active'],
      [1, 'replaced'],
    ]);
    expect(await citedIds('cuộc thi tìm hiểu ứng dụng trí tuệ nhân tạo')).toContain(v2);
    const old = await citedIds('sổ tay đảng viên điện tử trên cổng thông tin');
    expect(old).not.toContain(v1);
  });

  it('cancel deletes a draft', async () => {
    const review = await admin.upload({ name: 'nhap.txt', bytes: directive('Một bản nháp sẽ bị hủy bỏ trước khi công bố.') }, actor);
    if (!isReview(review)) throw new Error(review.reason);
    await admin.cancel(review.document.id, actor);
    expect(await core.store.getDocument(review.document.id)).toBeNull();
    expect((await core.store.getDocument(v2))?.status).toBe('active');
  });

  it('retire removes a document from answers', async () => {
    await admin.retire(v2, actor);
    expect((await core.store.getDocument(v2))?.status).toBe('retired');
    expect(await citedIds('cuộc thi tìm hiểu ứng dụng trí tuệ nhân tạo')).not.toContain(v2);
    const answer = await core.engine.ask({ text: 'chuyển đổi số năm 2024', conversationId: 'retired', channel: 'eval' });
    expect(answer.outcome).not.toBe('answered');
  });

  it('refuses a bad upload as a value', async () => {
    const r = await admin.upload({ name: 'rong.txt', bytes: new Uint8Array() }, actor);
    expect(r).toEqual({ refused: true, reason: expect.stringContaining('rong.txt') });
  });

  it('records every action in the audit log, with the actor', async () => {
    const log = await auditActions();
    expect(log.map((l) => l.action)).toEqual(['upload', 'publish', 'upload', 'publish', 'upload', 'cancel', 'retire', 'upload']);
    expect(new Set(log.map((l) => l.actor_id))).toEqual(new Set(['admin-1']));
    expect(log[1]!.detail).toMatchObject({ documentId: v1 });
    expect(log[3]!.detail).toMatchObject({ documentId: v2, replaces: v1 });
    expect(log[7]!.detail).toMatchObject({ source: 'rong.txt', outcome: 'failed' });
  });
});
