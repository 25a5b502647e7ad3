import { ActionIcon, Code, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { CSSProperties } from 'react';

/** Copies a step's commands whole with one click (at 2 a.m. nobody should retype a command). */
export function CopyCommandButton({ command, style }: { command: string; style?: CSSProperties }) {
  return (
    <CopyButton value={command} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy the command'} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy the command" style={style}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** A step's commands, in monospace, with the copy button in the corner. */
export function CommandBlock({ command }: { command: string }) {
  return (
    <div style={{ position: 'relative' }} data-testid="step-command">
      <Code block fz="sm" pr={40} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {command}
      </Code>
      <CopyCommandButton command={command} style={{ position: 'absolute', top: 6, right: 6 }} />
    </div>
  );
}
