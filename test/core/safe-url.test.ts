import { describe, expect, it } from 'vitest';
import { isSafeUrl, safeUrl } from '../../src/core';

/** Links a server might send to run script, read local files or hide where they go. Every one is refused. */
const hostile: [string, unknown][] = [
  ['plain javascript:', 'javascript:alert(1)'],
  ['mixed case', 'JaVaScRiPt:alert(1)'],
  ['upper case', 'JAVASCRIPT:alert(1)'],
  ['leading spaces', '   javascript:alert(1)'],
  ['leading tab and newline', '\t\njavascript:alert(1)'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['newline inside the scheme', 'java\nscript:alert(1)'],
  ['carriage return inside the scheme', 'java\rscript:alert(1)'],
  ['NUL inside the scheme', 'java\u0000script:alert(1)'],
  ['leading NUL', '\u0000javascript:alert(1)'],
  ['other control character', 'java\u0001script:alert(1)'],
  ['C1 control character', 'java\u0085script:alert(1)'],
  ['zero-width space', 'java\u200bscript:alert(1)'],
  ['soft hyphen', 'jav\u00adascript:alert(1)'],
  ['byte order mark first', '\ufeffjavascript:alert(1)'],
  ['space before the colon', 'javascript :alert(1)'],
  ['decimal entity', '&#106;avascript:alert(1)'],
  ['decimal entity, zero-padded, no semicolon', '&#0000106&#0000097vascript:alert(1)'],
  ['hex entity', '&#x6A;avascript:alert(1)'],
  ['hex entity, upper case', '&#X6A;avascript:alert(1)'],
  ['entity colon', 'javascript&colon;alert(1)'],
  ['numeric entity colon', 'javascript&#58;alert(1)'],
  ['hex entity colon', 'javascript&#x3a;alert(1)'],
  ['entity tab inside', 'jav&Tab;ascript:alert(1)'],
  ['entity newline inside', 'jav&NewLine;ascript:alert(1)'],
  ['percent-encoded colon', 'javascript%3Aalert(1)'],
  ['percent-encoded letter', '%6Aavascript:alert(1)'],
  ['double percent-encoding', 'javascript%253Aalert(1)'],
  ['percent-encoded tab', 'java%09script:alert(1)'],
  ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data: mixed case', 'DaTa:text/html,<script>alert(1)</script>'],
  ['data: image', 'data:image/svg+xml,<svg onload=alert(1)>'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['vbscript: upper case', 'VBSCRIPT:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
  ['blob:', 'blob:https://example.com/1234'],
  ['mailto: (not a web page)', 'mailto:someone@example.com'],
  ['ftp:', 'ftp://example.com/file'],
  ['custom scheme', 'myapp://open'],
  ['http without slashes', 'http:example.com'],
  ['https with nothing after it', 'https://'],
  ['backslash host', '\\\\evil.example.com'],
  ['backslash after a slash', '/\\evil.example.com'],
  ['backslash in an https URL', 'https:\\\\evil.example.com'],
  ['tab inside an https URL', 'https://exa\tmple.com'],
  ['newline inside a path', '/files/1\n/x'],
  ['line separator', 'java\u2028script:alert(1)'],
  ['entity-spelt https hiding javascript', '&#104;ttps&#58;javascript:alert(1)'],
  ['colon in the first segment of a relative URL', 'foo:bar'],
  ['empty string', ''],
  ['only spaces', '   '],
  ['not a string: number', 42],
  ['not a string: object', { href: 'https://example.com' }],
  ['not a string: null', null],
  ['not a string: undefined', undefined],
];

const good: [string, string][] = [
  ['https', 'https://example.com/report.csv'],
  ['http', 'http://example.com'],
  ['upper case scheme', 'HTTPS://Example.com/A'],
  ['query and fragment', 'https://example.com/a?b=c&d=e#f'],
  ['port and credentials-free host', 'https://example.com:8443/x'],
  ['IPv6 host', 'http://[::1]:8080/'],
  ['absolute path', '/files/us_fl_1/download'],
  ['relative path', 'space/us_sp_1/files?mode=export'],
  ['dot path', './report.csv'],
  ['parent path', '../up'],
  ['query only', '?page=2'],
  ['fragment only', '#top'],
  ['protocol-relative', '//cdn.example.com/a.js'],
  ['javascript: in a query (same-origin path)', '/redirect?to=javascript:alert(1)'],
  ['a colon after the first slash', 'files/a:b'],
  ['spaces inside a path', 'files/my report.csv'],
  ['encoded characters in a path', '/files/a%20b'],
];

describe('safeUrl', () => {
  it('is tested against at least 30 hostile URLs', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostile)('refuses %s', (_, url) => {
    expect(safeUrl(url)).toBeUndefined();
    expect(isSafeUrl(url)).toBe(false);
  });

  it.each(good)('keeps %s', (_, url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it('trims surrounding whitespace from a good URL', () => {
    expect(safeUrl('  https://example.com/a \n')).toBe('https://example.com/a');
    expect(safeUrl('\u00a0/files/1\u00a0')).toBe('/files/1');
  });
});
