// The live stream (Server-Sent Events) read with fetch(), so that the key goes in the api-secret-key header as on
// every other call: the browser's built-in SSE client sends no header and would need the key in the URL.
import { session } from './api.js';

const RETRY_MS = 2000;

/** Parses one SSE block ("event: x\ndata: {...}") into {name, data}; comments and unknown fields are ignored. */
export function parseBlock(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return { name, data: data.join('\n') };
}

/**
 * Opens the stream and keeps it open: onEvent(name, payload) for computer-status and alert events, onState(state)
 * with 'live' (connected: the caller reloads what it shows, events may have been missed), 'reconnecting' or
 * 'unauthorized' (the key was refused: no retry).
 */
export function openStream(onEvent, onState) {
  let stopped = false;
  let controller = null;

  async function connect() {
    controller = new AbortController();
    try {
      const response = await fetch('/console/stream', {
        headers: { 'api-secret-key': session.key() ?? '', Accept: 'text/event-stream' },
        cache: 'no-store', credentials: 'omit', signal: controller.signal,
      });
      if (response.status === 401) {
        onState('unauthorized');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = (buffer + value).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(parseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (stopped) return;
    }
    if (!stopped) {
      onState('reconnecting');
      setTimeout(connect, RETRY_MS);
    }
  }

  function dispatch({ name, data }) {
    if (name === 'ready') {
      onState('live');
    } else if (name === 'computer-status' || name === 'alert') {
      try {
        onEvent(name, JSON.parse(data));
      } catch (error) {
        // not JSON: nothing to show
      }
    }
  }

  connect();
  return {
    close() {
      stopped = true;
      controller?.abort();
    },
  };
}
