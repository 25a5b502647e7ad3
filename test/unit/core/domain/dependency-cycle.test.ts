import { describe, expect, it } from 'vitest';
import { findDependencyCycle } from '../../../../electron/core/domain/dependency-cycle';

describe('dependency cycles', () => {
  it('finds none in a DAG, even a long chain', () => {
    const chain = new Map(Array.from({ length: 50_000 }, (_, i) => [`n${i}`, i ? [`n${i - 1}`] : []] as [string, string[]]));
    expect(findDependencyCycle(chain)).toBeNull();
  });

  it('returns the nodes of a cycle in order', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findDependencyCycle(graph)).toEqual(['a', 'b', 'c']);
  });
});
