import { describe, expect, it } from 'vitest';
import { parseDuration, parseKind, parsePredecessors, sectionName } from '../../../../electron/core/runbooks/import/cell-values';
import { matchColumns } from '../../../../electron/core/runbooks/import/header-columns';

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

  it('files every name of a back-out plan under the rollback section', () => {
    expect(['Back-out', 'Backout plan', 'rollback', 'Fallback'].map(sectionName)).toEqual(['Rollback', 'Rollback', 'Rollback', 'Rollback']);
    expect(sectionName('  Pre-checks ')).toBe('Pre-checks');
  });
});

describe('header names', () => {
  const fields = (headers: string[]) => Object.fromEntries(matchColumns(headers).columns.map((c) => [c.field, c.header]));
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
