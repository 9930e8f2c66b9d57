/** The one message packer, shared by Zalo's plain text and Telegram's HTML blocks. */
import { describe, expect, it } from 'vitest';
import { packInOrder, splitIntoMessages } from '../../src/channels/split-message.ts';

const len = (s: string) => s.length;

describe('packInOrder', () => {
  it('fills each group up to the limit, counting the separator, in order', () => {
    expect(packInOrder(['aaaa', 'bb', 'cc', 'dddd'], 8, len, 2)).toEqual([['aaaa', 'bb'], ['cc', 'dddd']]);
    expect(packInOrder(['aaaa', 'bb'], 7, len, 2)).toEqual([['aaaa'], ['bb']]);
  });

  it('puts an item over the limit in a group of its own', () => {
    expect(packInOrder(['a', 'x'.repeat(20), 'b'], 10, len, 1)).toEqual([['a'], ['x'.repeat(20)], ['b']]);
  });

  it('moves the previous item along with one that must not start a group, when both fit', () => {
    const items = ['aaa', 'bbb', 'CCC'];
    const keep = (s: string) => s === 'CCC';
    expect(packInOrder(items, 8, len, 1, keep)).toEqual([['aaa'], ['bbb', 'CCC']]);
    // Alone in its group, the previous item stays (moving it would leave an empty group).
    expect(packInOrder(['aaaaaa', 'CCC'], 8, len, 1, keep)).toEqual([['aaaaaa'], ['CCC']]);
  });
});

describe('splitIntoMessages', () => {
  it('joins paragraphs with a blank line and never exceeds the limit', () => {
    const paragraphs = ['một hai ba.', 'bốn năm.', 'x'.repeat(30), '', 'sáu bảy tám chín mười.'];
    const messages = splitIntoMessages(paragraphs, 25);
    expect(messages.every((m) => m.length <= 25)).toBe(true);
    expect(messages[0]).toBe('một hai ba.\n\nbốn năm.');
    expect(messages.join('')).not.toContain('\n\n\n');
  });
});
