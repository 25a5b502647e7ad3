/**
 * Text as it should read on paper. Notes are Markdown; print shows their words, not their markup. Commands keep
 * every character, but a long line is wrapped here at a space (continuation lines indented), because the PDF
 * layout would otherwise break at a hyphen and print "--" and "input" on two lines as if they were two arguments.
 */

/** Markdown to plain lines: emphasis and code marks dropped, links as "text (url)", headings and quotes unmarked. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .trim()
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_, text: string, url: string) => (text && text !== url ? `${text} (${url})` : url))
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?!\w)/g, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>)\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ');
}

/** Each line of a command at most `width` characters, broken at the last space that fits. */
export function wrapCommand(command: string, width: number): string {
  const out: string[] = [];
  for (const line of command.trimEnd().split('\n')) {
    let rest = line;
    let prefix = '';
    while (prefix.length + rest.length > width) {
      const room = width - prefix.length;
      const at = rest.lastIndexOf(' ', room);
      const cut = at > room / 3 ? at : room;
      out.push(prefix + rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
      prefix = '    ';
    }
    out.push(prefix + rest);
  }
  return out.join('\n');
}
