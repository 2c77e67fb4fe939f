/**
 * URL safety for links that come from jobs (outcome `next.url`, `download`, resolved files). One check,
 * used before any link, download or navigation the kit makes.
 */

/** Named character references that can spell or hide a scheme. Anything else named is left as is. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  sol: '/',
  bsol: '\\',
  quest: '?',
  num: '#',
  amp: '&',
  period: '.',
  lpar: '(',
  rpar: ')',
  excl: '!',
  equals: '=',
  semi: ';',
  percnt: '%',
  plus: '+',
  commat: '@',
};

/** Characters a browser drops or ignores inside a URL, or that only hide what follows. */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: joiners and variation selectors are what it looks for, one by one
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/g;
/** Controls, tabs and line breaks are never part of a URL the kit follows (a browser would drop them). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it trims
const EDGE_SPACE = /^[\s\u0000-\u0020\u007f-\u00a0\ufeff]+|[\s\u0000-\u0020\u007f-\u00a0\ufeff]+$/g;
const MAX_LENGTH = 8192;

function fromCodePoint(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

/** Decodes numeric (`&#106;`, `&#x6A`, with or without `;`) and the named references above. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (match, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? match);
}

/** Decodes `%xx` escapes one by one, leaving malformed ones as written. */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  });
}

/**
 * What the URL could turn into after any number of entity and percent decodings, with every invisible
 * character dropped and in lower case: the form a scheme is looked for in.
 */
function probe(text: string): string {
  let current = text;
  for (let round = 0; round < 8; round += 1) {
    const next = decodePercent(decodeEntities(current));
    if (next === current) break;
    current = next;
  }
  return current.replace(INVISIBLE, '').replace(/\\/g, '/').toLowerCase();
}

/** The text before the first `/`, `?` or `#` holds a colon: the URL names a scheme (or tries to). */
function namesScheme(text: string): boolean {
  const end = text.search(/[/?#]/);
  return (end < 0 ? text : text.slice(0, end)).includes(':');
}

const HTTP = /^https?:\/\//i;

/**
 * Returns `url` trimmed when it is safe to link to, undefined otherwise.
 *
 * Kept: `http://` and `https://` URLs with a host, and relative URLs (`/files/1`, `files?x=1`, `#top`,
 * `//cdn.example.com/a`, which takes the page's own scheme). Refused: every other scheme
 * (`javascript:`, `data:`, `vbscript:`, `file:`, `blob:`, `mailto:`...) and any way of hiding one: mixed
 * case, whitespace, tabs, line breaks or control characters anywhere, invisible Unicode characters, HTML
 * character references (`&#106;`, `&#x6A;`, `&colon;`), percent-encoding (`javascript%3A`), backslashes,
 * and anything that is not a string. Safe to call on the server.
 */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.replace(EDGE_SPACE, '');
  if (trimmed === '' || trimmed.length > MAX_LENGTH || FORBIDDEN.test(trimmed)) return undefined;
  const decoded = probe(trimmed);
  const absolute = HTTP.test(trimmed);
  if (absolute) {
    // The raw text must say http(s) plainly, and so must every decoding of it.
    if (!/^https?:\/\//.test(decoded)) return undefined;
  } else if (namesScheme(trimmed) || namesScheme(decoded)) {
    return undefined;
  }
  // Last word to the URL parser itself: what the browser will make of it.
  let parsed: URL;
  try {
    parsed = new URL(trimmed, 'https://jobkit.invalid/');
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (absolute && parsed.hostname === '') return undefined;
  return trimmed;
}

/** Whether `url` passes `safeUrl`. */
export function isSafeUrl(url: unknown): boolean {
  return safeUrl(url) !== undefined;
}
