import type { z } from 'zod';

/**
 * Follows one of the web shell's long GET streams of newline-delimited JSON (same token), for good: every line that
 * fits `schema` goes to `emit`, anything else is dropped. A dropped connection is tried again with backoff and full
 * jitter, so that many tabs coming back after a restart do not all knock at once.
 */
export async function followStream<S extends z.ZodType>(path: string, token: string | null, schema: S, emit: (value: z.output<S>) => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(path, { headers: { Authorization: `Bearer ${token ?? ''}` } });
      if (!response.ok || !response.body) throw new Error(`${path} answered ${response.status}`);
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          const parsed = schema.safeParse(JSON.parse(line));
          if (parsed.success) emit(parsed.data);
        }
      }
    } catch {
      // The web shell stopped or the connection dropped: try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))));
  }
}
