/**
 * A spreadsheet picked in the browser, as `runbooks.importSteps` takes it: the file's bytes as base64, CSV included.
 * The core decides the encoding (UTF-8 with or without a BOM, or Windows-1252 as Excel on Windows saves "CSV");
 * `File.text()` would decode as UTF-8 here and turn every "ä" of a Windows-1252 file into a replacement character.
 */
export async function readPlanFile(file: File): Promise<{ fileName: string; encoding: 'base64'; content: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // btoa takes a binary string; build it in chunks so a large sheet does not overflow the call stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, encoding: 'base64', content: btoa(binary) };
}
