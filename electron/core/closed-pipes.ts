/**
 * A reader that stops early (`release-desk gate … | head -1`) closes the pipe: the rest of the output has nowhere to
 * go, which is no failure of the command. Writes are then dropped quietly and the exit code still says what the
 * command found (for `gate`, go, halted or pending).
 */
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
  }
}
