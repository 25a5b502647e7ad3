import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { ImportFileError } from './sheet-row';

/** A runbook plan of 10,000 steps unpacks to a few megabytes; nothing a person imports comes near this. */
export const MAX_WORKBOOK_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Spreadsheet XML compresses 5 to 20 times, rarely 100; a zip bomb compresses about 1,000 times. */
export const MAX_COMPRESSION_RATIO = 200;
/** Small parts compress at any ratio (a 2 KB styles part of repeated tags); only large ones are judged by it. */
const RATIO_FROM_BYTES = 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: one slice unpacks to at most about 16 MB. */
const SLICE_BYTES = 16 * 1024;

/** The parts read-excel-file unpacks (it skips images, printer settings and the like). */
const isReadPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Refuses a workbook that would unpack to far more than it weighs (a zip bomb: 1 MB that inflates to 1 GB) before
 * read-excel-file inflates it into memory. First the sizes the zip's central directory declares, without inflating
 * anything; then one streaming pass that inflates slice by slice and throws each slice away, so that a part that
 * unpacks to more than it declared (a lying bomb) is caught with a few megabytes in memory. read-excel-file reads
 * the local headers, which may leave their sizes out (write-excel-file and Java do), so the directory's are the ones
 * checked, and every part it will read must be listed there.
 */
export function refuseZipBomb(fileName: string, bytes: Uint8Array): void {
  const declared = new Map<string, number>();
  let declaredTotal = 0;
  try {
    unzipSync(bytes, {
      filter: (part) => {
        if (!isReadPart(part.name)) return false;
        if (declared.has(part.name)) throw refusal(fileName, `it holds ${part.name} twice`);
        declared.set(part.name, part.originalSize);
        declaredTotal += part.originalSize;
        if (declaredTotal > MAX_WORKBOOK_UNPACKED_BYTES) throw refusal(fileName, `it would unpack to more than ${mb(MAX_WORKBOOK_UNPACKED_BYTES)}`);
        if (part.originalSize > RATIO_FROM_BYTES && part.originalSize > part.size * MAX_COMPRESSION_RATIO) {
          throw refusal(fileName, `${part.name} is compressed more than ${MAX_COMPRESSION_RATIO} to 1 (${mb(part.size)} to ${mb(part.originalSize)})`);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw unreadable(fileName, error);
  }
  checkWhileInflating(fileName, bytes, declared);
}

function checkWhileInflating(fileName: string, bytes: Uint8Array, declared: ReadonlyMap<string, number>): void {
  let problem: ImportFileError | null = null;
  const unzip = new Unzip((part) => {
    if (problem || !isReadPart(part.name)) return;
    const limit = declared.get(part.name);
    if (limit === undefined) return void (problem = refusal(fileName, `${part.name} is not in the zip's directory`));
    if (part.originalSize !== undefined && part.originalSize !== limit) {
      return void (problem = refusal(fileName, `${part.name} declares two different sizes`));
    }
    let unpacked = 0;
    part.ondata = (error, chunk) => {
      if (problem) return;
      if (error) return void (problem = unreadable(fileName, error));
      unpacked += chunk.length;
      if (unpacked > limit) problem = refusal(fileName, `${part.name} unpacks to more than the ${limit} bytes it declares`);
    };
    part.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !problem; at += SLICE_BYTES) unzip.push(bytes.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= bytes.length);
  } catch (error) {
    problem ??= unreadable(fileName, error);
  }
  // Every part stayed within its declared size, and the declared sizes add up to no more than the limit.
  if (problem) throw problem;
}

function refusal(fileName: string, why: string): ImportFileError {
  return new ImportFileError(`${fileName} was not read: ${why}, as zip bombs do; a runbook plan never does. Save the plan again from Excel or as CSV.`);
}

export function unreadable(fileName: string, error: unknown): ImportFileError {
  const why = error instanceof Error ? error.message : String(error);
  return new ImportFileError(`${fileName} is not a readable Excel workbook (it may be damaged or cut short): ${why}.`);
}
