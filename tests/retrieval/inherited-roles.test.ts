/** The roles a section takes from its parents (src/retrieval/outline-cache.ts). */
import { describe, expect, it } from 'vitest';
import { inherited } from '../../src/retrieval/outline-cache.ts';

describe('roles passed on by parent parts', () => {
  it('are the nearer part\'s when it takes some of a part that names several', () => {
    // "II. THỜI GIAN, NỘI DUNG, HÌNH THỨC" › "1. Thời gian và nội dung" › "1.1. Từ nay đến hết năm 2021"
    expect(inherited([['time', 'content', 'form'], ['time', 'content']], []).sort()).toEqual(['content', 'time']);
  });

  it('leave out the roles its own heading splits off', () => {
    // "I. MỤC ĐÍCH, YÊU CẦU" › "1. Mục đích": not about requirements.
    expect(inherited([['purpose', 'requirement']], ['purpose'])).toEqual(['purpose']);
  });

  it('add up when a nearer part names another role', () => {
    // "IV. TỔ CHỨC THỰC HIỆN" › "1. Chế độ báo cáo"
    expect(inherited([['implementation'], ['report']], []).sort()).toEqual(['implementation', 'report']);
    expect(inherited([['content'], []], ['focus'])).toEqual(['content']);
  });
});
