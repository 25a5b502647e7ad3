import { Typography } from '@mantine/core';
import Markdown from 'react-markdown';

/**
 * A step's description. react-markdown builds React elements from the Markdown syntax tree and, without rehype-raw,
 * never passes raw HTML through (skipHtml drops it rather than showing it escaped), so an imported spreadsheet cannot
 * inject markup or script. Links open nothing inside the app window: they are plain text with their address shown.
 */
export function SafeMarkdown({ text }: { text: string }) {
  return (
    <Typography fz="sm">
      <Markdown
        skipHtml
        components={{
          a: ({ children, href }) => (
            <span title={href}>
              {children}
              {href ? ` (${href})` : ''}
            </span>
          ),
          img: ({ alt }) => <span>[image: {alt}]</span>,
        }}
      >
        {text}
      </Markdown>
    </Typography>
  );
}
