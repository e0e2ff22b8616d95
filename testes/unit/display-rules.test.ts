import { describe, expect, it } from 'vitest';
import { eventVisibleTo } from '../../src/ipc/http-security.js';
import { isSlideName, SLIDES_MAX, slideContentType, slideNames } from '../../src/services/display/slide-rules.js';

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP_HEAD = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
const GIF_HEAD = new TextEncoder().encode('GIF89a\x01\0');

describe('slide names', () => {
  it('take plain picture names of the folder and nothing that climbs out, hides or runs scripts', () => {
    for (const name of ['promo.png', '01 - Combo.JPG', 'açaí.jpeg', 'x.webp', 'anim.gif']) expect(isSlideName(name), name).toBe(true);
    for (const name of ['../promo.png', '..\\promo.png', 'a/b.png', '/etc/x.png', 'C:\\x.png', '.oculto.png', 'promo..png', 'logo.svg', 'pagina.html', 'promo.png\0.txt', 'sem-extensao', '', `${'a'.repeat(200)}.png`]) {
      expect(isSlideName(name), name).toBe(false);
    }
  });

  it('rotate in the order the owner numbered them, and only so many', () => {
    expect(slideNames(['10-b.png', '2-a.png', 'notas.txt', '1-c.jpg'])).toEqual(['1-c.jpg', '2-a.png', '10-b.png']);
    expect(slideNames(Array.from({ length: SLIDES_MAX + 5 }, (_, i) => `${i}.png`))).toHaveLength(SLIDES_MAX);
  });
});

describe('slide content', () => {
  it('is the picture its name says, proven by the first bytes', () => {
    expect(slideContentType('a.png', PNG_HEAD)).toBe('image/png');
    expect(slideContentType('a.jpg', JPEG_HEAD)).toBe('image/jpeg');
    expect(slideContentType('a.jpeg', JPEG_HEAD)).toBe('image/jpeg');
    expect(slideContentType('a.webp', WEBP_HEAD)).toBe('image/webp');
    expect(slideContentType('a.gif', GIF_HEAD)).toBe('image/gif');
  });

  it('is refused when the bytes are another picture, a page or nothing', () => {
    expect(slideContentType('a.png', JPEG_HEAD)).toBeNull();
    expect(slideContentType('a.jpg', PNG_HEAD)).toBeNull();
    expect(slideContentType('a.png', new TextEncoder().encode('<html><script>'))).toBeNull();
    expect(slideContentType('a.webp', new TextEncoder().encode('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(slideContentType('a.png', new Uint8Array())).toBeNull();
    expect(slideContentType('a.svg', PNG_HEAD)).toBeNull();
  });
});

describe("the display's live events", () => {
  const changed = (terminalId: string) => ({ terminalId, version: 1 });

  it("reach a display only for its own terminal's counter", () => {
    const paired = { device: { kind: 'display' as const, cookLogin: false, terminalId: 'T1' } };
    const window = { customerDisplay: { terminalId: 'T1' } };
    expect(eventVisibleTo('display.changed', paired, changed('T1'))).toBe(true);
    expect(eventVisibleTo('display.changed', paired, changed('T2'))).toBe(false);
    expect(eventVisibleTo('display.changed', paired, undefined)).toBe(false);
    expect(eventVisibleTo('display.changed', { device: { kind: 'display' as const, cookLogin: false, terminalId: null } }, changed('T1'))).toBe(false);
    expect(eventVisibleTo('display.changed', window, changed('T1'))).toBe(true);
    expect(eventVisibleTo('display.changed', window, changed('T2'))).toBe(false);
  });

  it('reach no other screen of the shop network, and the display hears nothing else', () => {
    for (const kind of ['kitchen', 'board', 'rating'] as const) expect(eventVisibleTo('display.changed', { device: { kind, cookLogin: false, terminalId: 'T1' } }, changed('T1'))).toBe(false);
    expect(eventVisibleTo('display.changed', { kiosk: true }, changed('T1'))).toBe(false);
    expect(eventVisibleTo('display.changed', { boardLinkId: 'b' }, changed('T1'))).toBe(false);
    for (const event of ['orders.changed', 'feedback.prompt', 'devices.changed', 'session.locked']) {
      expect(eventVisibleTo(event, { customerDisplay: { terminalId: 'T1' } })).toBe(false);
      expect(eventVisibleTo(event, { device: { kind: 'display' as const, cookLogin: false, terminalId: 'T1' } })).toBe(false);
    }
  });
});
