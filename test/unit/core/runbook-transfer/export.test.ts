import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunbookExport } from '../../../../electron/contract/runbook-entities';
import type { WorkspaceSession } from '../../../../electron/core';
import { tempDir, valueOf } from '../../../helpers/temp-workspace';
import { importFile, stepFacts, useRunbookWorkspace, viewOf } from './transfer-workspace';

async function exported(session: WorkspaceSession, runbookId: string, format: 'pdf' | 'csv' | 'md') {
  const file = valueOf(await session.client()['runbooks.export']({ runbookId, format }));
  return { ...file, bytes: Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8') };
}

/** A plan long enough to run over several pages: 4 sections of 20 steps, each after the one before, and a rollback. */
function longPlanCsv(): string {
  const lines = ['ID,Section,Task,Owner,Duration,Predecessors,Command,Kind'];
  const sections = ['Pre-checks', 'Deploy', 'Verify', 'Communication'];
  for (let i = 1; i <= 80; i++) {
    const command = i % 5 === 0 ? `"kubectl rollout status deploy/api-${i} --timeout=10m"` : '';
    lines.push(`${i},${sections[Math.floor((i - 1) / 20)]},Restart node pool ${i},Ops,${5 + (i % 4) * 5},${i > 1 ? i - 1 : ''},${command},${i % 20 === 0 ? 'Go/No-Go' : ''}`);
  }
  lines.push('81,Rollback,Roll back node pools,Ops,30,20,helm rollback api,rollback');
  return `${lines.join('\n')}\n`;
}

describe('runbooks.export', () => {
  const workspace = useRunbookWorkspace();

  it('writes a CSV that imports back into the same steps', async () => {
    await importFile(workspace.session, workspace.ids.runbookId, 'cutover-plan-messy.csv');
    // Cells Excel would run as formulas are escaped on export and unescaped on import.
    valueOf(await workspace.session.client()['runbookSteps.create']({ runbookId: workspace.ids.runbookId, title: "=HYPERLINK('http://x')", command: '-rf ./tmp', section: 'Verify' }));
    const original = await viewOf(workspace.session, workspace.ids.runbookId);
    const csv = await exported(workspace.session, workspace.ids.runbookId, 'csv');
    expect(csv.fileName).toBe('Payments-2.4.0-Payments-cutover.csv');
    expect(csv.content.startsWith('\uFEFFID,Section,Kind,Task,Owner,Start,Duration (min),Predecessors,Command,Notes,Scheduled (computed)\r\n')).toBe(true);
    expect(csv.content).toContain(`"'=HYPERLINK('http://x')"`);

    const copy = valueOf(await workspace.session.client()['runbooks.create']({ releaseId: workspace.ids.releaseId, name: 'Copy' }));
    const result = await importFile(workspace.session, copy.id, 'copy.csv', { bytes: csv.bytes });
    expect(result).toMatchObject({ fileErrors: [], invalid: 0, imported: original.steps.length });
    // The computed schedule follows from the steps: listed, and dropped unless the person keeps it.
    expect(result.unmatched).toEqual([{ column: 'K', header: 'Scheduled (computed)', filled: original.steps.length, action: 'drop' }]);
    const again = await viewOf(workspace.session, copy.id);
    expect(stepFacts(again)).toEqual(stepFacts(original));
    expect(again.steps.map((s) => s.plannedStart)).toEqual(original.steps.map((s) => s.plannedStart));
  });

  it('round-trips a template, whose fixed starts are relative to the window ("T+90")', async () => {
    const template = valueOf(await workspace.session.client()['runbooks.create']({ releaseId: null, name: 'Standard cutover' }));
    await importFile(workspace.session, template.id, 'cutover-plan-messy.csv');
    const csv = await exported(workspace.session, template.id, 'csv');
    // "21:30" in a template reads from its nominal 00:00 UTC start: the evening before.
    expect(csv.content).toMatch(/,T-150,15,/);
    const copy = valueOf(await workspace.session.client()['runbooks.create']({ releaseId: null, name: 'Copy' }));
    await importFile(workspace.session, copy.id, 'copy.csv', { bytes: csv.bytes });
    expect(stepFacts(await viewOf(workspace.session, copy.id))).toEqual(stepFacts(await viewOf(workspace.session, template.id)));
  });

  it('writes Markdown with the release, sections, steps, commands in fences and the rollback apart', async () => {
    await importFile(workspace.session, workspace.ids.runbookId, 'cutover-plan-messy.csv');
    const md = (await exported(workspace.session, workspace.ids.runbookId, 'md')).content;
    expect(md).toMatch(/^# Payments cutover\n/);
    expect(md).toContain('- **Window:** Sat 5 Dec 2026 22:00 – Sun 6 Dec 2026 02:00 (Europe/Berlin)');
    expect(md).toContain('### 1. Freeze merges, announce start in \\#release');
    expect(md).toContain('**Start:** Sat 5 Dec 2026 23:30 (fixed at Sat 5 Dec 2026 22:00, moved by its dependencies)');
    expect(md).toContain('```sh\nhelm upgrade payments-api charts/payments-api \\\n  --version 2.4.0 --wait\n```');
    expect(md.indexOf('## Rollback — only after a no-go')).toBeGreaterThan(md.indexOf('### 8. Reopen traffic'));
    expect(md).toContain('- **Overruns the release window by 50m.**');
  });

  it('writes a PDF whose text has every step title and the page footer, and whose pages render', async () => {
    await importFile(workspace.session, workspace.ids.runbookId, 'long.csv', { bytes: Buffer.from(longPlanCsv()) });
    const pdf = await exported(workspace.session, workspace.ids.runbookId, 'pdf');
    expect(pdf).toMatchObject({ fileName: 'Payments-2.4.0-Payments-cutover.pdf', mimeType: 'application/pdf' });
    const { dir, cleanup: removeDir } = tempDir();
    try {
      const file = path.join(dir, 'runbook.pdf');
      fs.writeFileSync(file, pdf.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
      expect(pages).toBeGreaterThan(3);
      for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
      for (let i = 1; i <= 80; i++) expect(text).toMatch(new RegExp(`Restart node pool ${i}\\b`));
      expect(text).toContain('Roll back node pools');
      expect(text).toContain('kubectl rollout status deploy/api-5 --timeout=10m');
      expect(text).toMatch(/Window\s+Sat 5 Dec 2026 22:00 – Sun 6 Dec 2026 02:00 \(Europe\/Berlin\)/);
      expect(text).toContain('Contents');
      // The PDF outline (bookmarks) has a section per entry, the rollback one named as such.
      const raw = pdf.bytes.toString('latin1');
      expect(raw).toContain('/Outlines');
      expect(raw).toContain('/Title (Rollback \\(only after a no-go\\))');
      expect(text).toMatch(/Exported .* \(Europe\/Berlin\) by Release Desk/);
      // The rollback section starts its own page, the last one.
      const lastPage = text.split('\f').filter((p) => p.trim() !== '').pop()!;
      expect(lastPage).toContain('ROLLBACK');
      expect(lastPage).not.toContain('Restart node pool');
      execFileSync('pdftoppm', ['-png', '-r', '30', file, path.join(dir, 'page')]);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
    } finally {
      removeDir();
    }
  });

  it('a short runbook: cover and contents share the first page, dependencies read in table order, a go/no-go names its approvers and criteria', async () => {
    const { session, ids } = workspace;
    const add = async (input: Record<string, unknown>) =>
      (valueOf(await session.dispatch('runbookSteps.create', { runbookId: ids.runbookId, durationMinutes: 10, ...input })) as { id: string }).id;
    const steps: string[] = [];
    for (let i = 1; i <= 7; i++) steps.push(await add({ title: `Prepare part ${i}`, section: 'Pre-checks' }));
    // Added with its dependencies in the order 7, 6: the screen and the wall both say "6, 7".
    steps.push(await add({ title: 'Deploy everything', section: 'Deploy', dependsOn: [steps[6], steps[5]], pointOfNoReturn: true }));
    steps.push(await add({ title: 'Go/no-go: open the shop', kind: 'checkpoint', section: 'Verify', dependsOn: [steps[7]], approverIds: [ids.personId], criteria: 'p95 under 400 ms for 10 minutes' }));
    await add({ title: 'Roll back everything', kind: 'rollback', section: 'Rollback', dependsOn: [steps[8]] });

    const pdf = await exported(session, ids.runbookId, 'pdf');
    const { dir, cleanup: removeDir } = tempDir();
    try {
      const file = path.join(dir, 'runbook.pdf');
      fs.writeFileSync(file, pdf.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages).toHaveLength(3);
      expect(pages[0]).toContain('RUNBOOK');
      expect(pages[0]).toContain('Contents');
      expect(pages[1]).toMatch(/Deploy everything[^\n]*\n.*\n.*6, 7/);
      expect(pages[1]).toContain('point of no return');
      expect(pages[1]).toContain('Approvers: Priya Natarajan');
      expect(pages[1]).toContain('Go when: p95 under 400 ms for 10 minutes');
    } finally {
      removeDir();
    }
    const md = (await exported(session, ids.runbookId, 'md')).content;
    expect(md).toContain('**After:** 6, 7');
    expect(md).toContain('- Approvers: Priya Natarajan');
  });
});
