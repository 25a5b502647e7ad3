import { describe, expect, it } from 'vitest';
import { markdownToPlain, wrapCommand } from '../../../../electron/core/runbooks/export/print-text';

describe('text for paper', () => {
  it('prints the words of Markdown notes, not the markup', () => {
    expect(markdownToPlain('Use the template **Planned maintenance tonight**, see [the wiki](https://wiki/x) and `kubectl get pods`.')).toBe(
      'Use the template Planned maintenance tonight, see the wiki (https://wiki/x) and kubectl get pods.',
    );
    expect(markdownToPlain('## Steps\n- stop _workers_\n- drain queue_name_here\n> careful')).toBe('Steps\n• stop workers\n• drain queue_name_here\ncareful');
  });

  it('wraps a long command at spaces, never inside an argument, and keeps short lines as they are', () => {
    const command = 'gh api -X PUT repos/northwind/payments-api/branches/release/protection --input freeze.json';
    const wrapped = wrapCommand(command, 70);
    expect(wrapped).toBe('gh api -X PUT repos/northwind/payments-api/branches/release/protection\n    --input freeze.json');
    expect(wrapCommand('helm rollback api\n  --wait', 70)).toBe('helm rollback api\n  --wait');
    expect(wrapCommand('x'.repeat(30), 12).split('\n').map((l) => l.length)).toEqual([12, 12, 12, 6]);
  });
});
