// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createSseParser, type SseMessage } from '../../src/http';

function parse(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe('createSseParser', () => {
  it('reads messages split anywhere across chunks, with any line ending', () => {
    const text = 'id: 1\r\nevent: job:updated\r\ndata: {"a":1}\r\n\r\nid: 2\rdata: line one\rdata: line two\r\r';
    const whole = parse([text]);
    expect(whole).toEqual([
      { id: '1', event: 'job:updated', data: '{"a":1}' },
      { id: '2', event: 'message', data: 'line one\nline two' },
    ]);
    for (let cut = 1; cut < text.length; cut++) expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });

  it('skips comments, keeps the last id, and reports an id-only message with nothing to deliver', () => {
    expect(parse([': ping\n\nretry: 1000\nid: 7\n\ndata: x\n\n: ping\n\n'])).toEqual([
      { id: '7', event: '', data: '' },
      { id: '7', event: 'message', data: 'x' },
    ]);
  });

  it('drops a message cut off before its blank line', () => {
    expect(parse(['id: 3\nevent: job:updated\ndata: {"partial"'])).toEqual([]);
  });
});
