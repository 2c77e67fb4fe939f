/** One message of a `text/event-stream`. */
export interface SseMessage {
  id: string | undefined;
  /** Empty for a message that only sets the id. */
  event: string;
  data: string;
}

/**
 * Splits a `text/event-stream` into messages as chunks arrive (the WHATWG rules: `\n`, `\r\n` or `\r` line
 * ends, `:` comments, a blank line ends a message, `id` sticks until changed).
 */
export function createSseParser(onMessage: (message: SseMessage) => void): { push(chunk: string): void } {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let dispatchedId: string | undefined;
  let pendingCr = false;

  function line(text: string): void {
    if (text === '') {
      // A message without data still moves the last event id (as EventSource does), with nothing to deliver.
      if (data.length > 0 || id !== dispatchedId)
        onMessage({ id, event: data.length > 0 ? event || 'message' : '', data: data.join('\n') });
      dispatchedId = id;
      data = [];
      event = '';
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  return {
    push(chunk) {
      let text = chunk;
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        line(buffer.slice(start, i));
        if (char === '\r') {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
