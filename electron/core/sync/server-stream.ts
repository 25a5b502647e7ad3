import { createParser } from 'eventsource-parser';
import { HEARTBEAT_SECONDS, PROTOCOL_PREFIX, STREAM_PATH, StreamChanges, StreamPresence, type PresenceViewer } from './server-protocol';

export interface StreamHandlers {
  onOpen(): void;
  onChanges(cursor: number): void;
  onPresence(viewers: PresenceViewer[]): void;
}

/** A stream with nothing on it, not even a heartbeat, for this long is taken as dead (a sleep, a half-open socket). */
const SILENCE_MS = HEARTBEAT_SECONDS * 3 * 1000;

/**
 * Reads the team server's live stream (server-protocol.ts) until it ends, fails or falls silent; resolves then, with
 * the reason in words. Every event is checked against the protocol: a malformed one is skipped, never acted on.
 */
export async function readServerStream(url: string, token: string, deviceId: string, handlers: StreamHandlers, stop: AbortSignal, silenceMs = SILENCE_MS): Promise<string> {
  const abort = new AbortController();
  const onStop = () => abort.abort();
  stop.addEventListener('abort', onStop);
  let watchdog: NodeJS.Timeout | undefined;
  const heard = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => abort.abort(), silenceMs);
    watchdog.unref();
  };
  try {
    heard();
    const response = await fetch(`${url}${PROTOCOL_PREFIX}${STREAM_PATH}?device=${encodeURIComponent(deviceId)}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (!response.ok || !response.body) return `the team server answered ${response.status}`;
    if (!String(response.headers.get('content-type')).startsWith('text/event-stream')) return 'the team server has no live stream (an older version?)';
    handlers.onOpen();
    const parser = createParser({
      onEvent(event) {
        try {
          if (event.event === 'changes') {
            const parsed = StreamChanges.safeParse(JSON.parse(event.data));
            if (parsed.success) handlers.onChanges(parsed.data.cursor);
          } else if (event.event === 'presence') {
            const parsed = StreamPresence.safeParse(JSON.parse(event.data));
            if (parsed.success) handlers.onPresence(parsed.data.viewers);
          }
        } catch {
          // Not JSON: not an event of ours.
        }
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      heard();
      parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
    }
    return 'the team server closed the live stream';
  } catch (error) {
    if (stop.aborted) return 'stopped';
    if (abort.signal.aborted) return 'the live stream fell silent';
    const cause = (error as { cause?: { code?: string } }).cause;
    return `could not reach the team server (${cause?.code ?? (error as Error).message})`;
  } finally {
    clearTimeout(watchdog);
    stop.removeEventListener('abort', onStop);
    abort.abort();
  }
}
