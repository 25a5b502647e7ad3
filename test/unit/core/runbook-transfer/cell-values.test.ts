import { describe, expect, it } from 'vitest';
import { parseDuration, parseKind, parsePredecessors } from '../../../../electron/core/runbooks/import/cell-values';
import { IMPORT_FIELD_LABELS, durationUnit, headerZone, matchColumns, type ImportField } from '../../../../electron/core/runbooks/import/header-columns';
import { recognize } from '../../../../electron/core/runbooks/import/recognitions';

const minutes = (raw: string) => {
  const parsed = parseDuration(raw);
  return parsed.ok ? parsed.value : parsed.message;
};

describe('spreadsheet durations', () => {
  it('reads the formats cutover plans use', () => {
    const cases: [string, number][] = [
      ['90', 90],
      ['90m', 90],
      ['90 min', 90],
      ['1h 30m', 90],
      ['1h30', 90],
      ['1.5h', 90],
      ['1,5 h', 90],
      ['01:30', 90],
      ['1:30:00', 90],
      ['0:15:00', 15],
      ['2 hours', 120],
      ['1d', 1440],
      ['', 0],
      ['45 mins', 45],
    ];
    for (const [raw, expected] of cases) expect(minutes(raw), raw).toBe(expected);
  });

  it('refuses what it cannot read, saying how to write it', () => {
    expect(minutes('about an hour')).toMatch(/"about an hour" is not a duration: write minutes/);
    expect(minutes('1.5')).toMatch(/not whole minutes.*"1\.5h"/);
    expect(minutes('3 weeks')).toMatch(/unit "weeks"/);
    expect(minutes('15d')).toMatch(/longer than 14 days/);
  });
});

describe('predecessor cells', () => {
  const known = (ids: string[]) => (id: string) => ids.includes(id);
  it('splits lists and drops MS Project link types and lags', () => {
    expect(parsePredecessors('3, 5', known(['3', '5']))).toEqual(['3', '5']);
    expect(parsePredecessors('3;5', known(['3', '5']))).toEqual(['3', '5']);
    expect(parsePredecessors('3 5', known(['3', '5']))).toEqual(['3', '5']);
    expect(parsePredecessors('3FS', known(['3']))).toEqual(['3']);
    expect(parsePredecessors('4SS+2d; 5FF-30 min', known(['4', '5']))).toEqual(['4', '5']);
    expect(parsePredecessors('#7', known(['7']))).toEqual(['7']);
    expect(parsePredecessors('', known([]))).toEqual([]);
  });

  it('keeps an ID that itself looks like a suffix when the file has it', () => {
    expect(parsePredecessors('PRE-1, DEPLOY-FS', known(['PRE-1', 'DEPLOY-FS']))).toEqual(['PRE-1', 'DEPLOY-FS']);
    expect(parsePredecessors('PRE-2FS', known(['PRE-2']))).toEqual(['PRE-2']);
  });
});

describe('kinds and sections', () => {
  it('reads kinds by the names people give them', () => {
    const kinds = ['Task', 'Go/No-Go', 'go-no-go checkpoint', 'Gate', 'Comms', 'Email', 'Back-out', 'Rollback', ''].map((k) => {
      const parsed = parseKind(k);
      return parsed.ok ? parsed.value : 'error';
    });
    expect(kinds).toEqual(['task', 'checkpoint', 'checkpoint', 'checkpoint', 'communication', 'communication', 'rollback', 'rollback', 'task']);
    const bad = parseKind('coffee');
    expect(bad.ok ? '' : bad.message).toMatch(/"coffee" is not a step kind/);
  });

});

describe('rollback and go/no-go recognitions', () => {
  const row = (row: number, title: string, section = 'Deploy', kindCell = '') => ({ row, title, section, kindCell });

  it('files every name of a back-out phase under the rollback section, once per phase, and says so', () => {
    const { rows, recognitions } = recognize([row(9, 'Restore DB', 'Back-out'), row(10, 'Redeploy', 'Back-out'), row(11, 'Notify', 'Fallback plan'), row(12, 'x', 'Rollback')], []);
    expect(rows.map((r) => [r.section, r.kind])).toEqual([['Rollback', 'rollback'], ['Rollback', 'rollback'], ['Rollback', 'rollback'], ['Rollback', 'rollback']]);
    expect(recognitions.map((r) => [r.key, r.sentence])).toEqual([
      ['Back-out', 'Phase “Back-out” (rows 9–10) → rollback section: its steps run only after a no-go'],
      ['Fallback plan', 'Phase “Fallback plan” (row 11) → rollback section: its steps run only after a no-go'],
    ]);
  });

  it('recognises ROLLBACK and GO / NO-GO titles, not a pre-check that merely mentions rollback', () => {
    const titles = ['ROLLBACK: restore DB snapshot', '[Backout] redeploy 2.3.9', 'Fallback – switch DNS back', 'GO / NO-GO: start deploy', 'Go/No-go decision', 'Checkpoint 2: smoke tests green', 'Rollback plan tested', 'Go live'];
    const { rows, recognitions } = recognize(titles.map((t, i) => row(i + 2, t)), []);
    expect(rows.map((r) => r.kind)).toEqual(['rollback', 'rollback', 'rollback', 'checkpoint', 'checkpoint', 'checkpoint', 'task', 'task']);
    expect(rows.map((r) => r.section)).toEqual(['Rollback', 'Rollback', 'Rollback', 'Deploy', 'Deploy', 'Deploy', 'Deploy', 'Deploy']);
    expect(recognitions.map((r) => r.key)).toEqual(['2', '3', '4', '5', '6', '7']);
  });

  it('leaves a row as written when its Kind cell says otherwise, or when the person declined the recognition', () => {
    const { rows, recognitions } = recognize([row(2, 'GO / NO-GO: start', 'Deploy', 'Task'), row(3, 'ROLLBACK: restore'), row(4, 'x', 'Back-out')], ['3', 'back-out']);
    expect(rows.map((r) => [r.section, r.kind])).toEqual([['Deploy', 'task'], ['Deploy', 'task'], ['Back-out', 'task']]);
    expect(recognitions.map((r) => [r.key, r.applied])).toEqual([['3', false], ['Back-out', false]]);
  });
});

describe('header names', () => {
  const fields = (headers: string[]) => {
    const { index } = matchColumns(headers);
    return Object.fromEntries((Object.keys(index) as ImportField[]).map((f) => [IMPORT_FIELD_LABELS[f], headers[index[f]!]]));
  };
  it('matches headers loosely', () => {
    expect(fields(['#', 'Activity', 'Responsible', 'Begin', 'Est. (min)', 'Depends on', 'Comments', 'Stage', 'Cmd', 'Type'])).toEqual({
      ID: '#',
      Title: 'Activity',
      Owner: 'Responsible',
      Start: 'Begin',
      Duration: 'Est. (min)',
      Predecessors: 'Depends on',
      Notes: 'Comments',
      Section: 'Stage',
      Command: 'Cmd',
      Kind: 'Type',
    });
  });

  it('reads "Description" as the title only when nothing else is, and "Step" as the ID beside a title', () => {
    expect(fields(['ID', 'Task', 'Description'])).toMatchObject({ Title: 'Task', Notes: 'Description' });
    expect(fields(['ID', 'Description', 'Notes'])).toMatchObject({ Title: 'Description', Notes: 'Notes' });
    expect(fields(['Step', 'Task', 'Assignee'])).toMatchObject({ ID: 'Step', Title: 'Task', Owner: 'Assignee' });
    expect(fields(['#', 'Step', 'Owner'])).toMatchObject({ ID: '#', Title: 'Step' });
  });
});

describe('header words', () => {
  const fields = (headers: string[]) => {
    const { index } = matchColumns(headers);
    return Object.fromEntries((Object.keys(index) as ImportField[]).map((f) => [IMPORT_FIELD_LABELS[f], headers[index[f]!]]));
  };

  it('matches on words, so headers joined by a slash or with a unit still find their field', () => {
    expect(fields(['ID', 'Task', 'Owner/Team', 'Start (CET)', 'Duration [h]', 'Pred.', 'Notes / Commands'])).toEqual({
      ID: 'ID',
      Title: 'Task',
      Owner: 'Owner/Team',
      Start: 'Start (CET)',
      Duration: 'Duration [h]',
      Predecessors: 'Pred.',
      Notes: 'Notes / Commands',
    });
    expect(fields(['Task ID', 'Task description', 'Planned start time', 'Team (backup)'])).toEqual({ ID: 'Task ID', Title: 'Task description', Start: 'Planned start time', Owner: 'Team (backup)' });
  });

  it('matches a whole header before a word, and leaves words that say too little unmatched', () => {
    expect(fields(['Summary', 'Issue key', 'Issue Type', 'Status', 'Notes', 'Notes / Commands'])).toEqual({ Title: 'Summary', ID: 'Issue key', Notes: 'Notes', Command: 'Notes / Commands' });
  });

  it('reads a unit for bare durations and a zone for start times from the header', () => {
    expect(durationUnit('Duration [h]')).toEqual({ minutes: 60, name: 'hours' });
    expect(durationUnit('Dur. (min)')).toEqual({ minutes: 1, name: 'minutes' });
    expect(durationUnit('Effort in days')).toEqual({ minutes: 1440, name: 'days' });
    expect(durationUnit('Duration')).toBeNull();
    expect(parseDuration('2', 60)).toEqual({ ok: true, value: 120 });
    expect(parseDuration('1,5', 60)).toEqual({ ok: true, value: 90 });
    expect(parseDuration('30m', 60)).toEqual({ ok: true, value: 30 });
    expect(headerZone('Start (CET)')).toBe('CET');
    expect(headerZone('Start [UTC]')).toBe('UTC');
    expect(headerZone('Start (Europe/London)')).toBe('Europe/London');
    expect(headerZone('Start (local)')).toBeNull();
  });
});
