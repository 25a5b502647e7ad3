/**
 * One line per answered request, as JSON (journald, Loki and the like index the fields). Holds no token and no
 * header: the member is named by the server's own member name.
 */
export interface RequestLogLine {
  time: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  member?: string;
  /** Changes stored (push) or sent (pull). */
  changes?: number;
  /** The error code of a refused or failed request. */
  error?: string;
}

export type RequestLogger = (line: RequestLogLine) => void;

/** Writes each line to the stream (stdout for the server command). */
export const jsonLines =
  (stream: NodeJS.WritableStream): RequestLogger =>
  (line) =>
    void stream.write(`${JSON.stringify(line)}\n`);
