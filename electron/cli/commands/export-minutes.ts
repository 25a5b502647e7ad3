import { z } from 'zod';
import { defineCommand } from '../cli-command';
import { call } from '../call';
import { printJson, printLine, writeFileAtomically } from '../output';
import { DbOption, withDbOption, withWorkspace } from '../workspace-option';

export const exportMinutesCommand = defineCommand({
  path: ['export', 'minutes'],
  description: 'Write the minutes of a coordination meeting (agenda, readiness, decisions, action items) as PDF or Markdown.',
  configure: (command) =>
    withDbOption(command)
      .requiredOption('--meeting <id>', 'the meeting id (see the Meetings screen, or the API method meetings.list)')
      .requiredOption('--format <format>', 'file format: pdf or md')
      .requiredOption('--out <file>', 'file to write (replaced if it exists)')
      .option('--json', 'print a JSON summary'),
  options: z.object({
    db: DbOption,
    meeting: z.string().trim().min(1, 'must name a meeting'),
    format: z.enum(['pdf', 'md'], { message: 'must be pdf or md' }),
    out: z.string().min(1, 'must name a file'),
    json: z.boolean().default(false),
  }),
  run: async ({ db, meeting, format, out, json }) => {
    const minutes = await withWorkspace(db, 'existing', (session) => call(session, 'meetings.exportMinutes', { meetingId: meeting, format }));
    const bytes = Buffer.from(minutes.content, minutes.encoding === 'base64' ? 'base64' : 'utf8');
    writeFileAtomically(out, bytes);
    if (json) return printJson({ file: out, format, bytes: bytes.length });
    printLine(`Exported the minutes (${format === 'pdf' ? 'PDF' : 'Markdown'}, ${bytes.length} bytes) to ${out}.`);
  },
});
