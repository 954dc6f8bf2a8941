import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/dataset/index';
import { datasetStats } from '../../../src/dataset/stats';
import { defined, filesOf, minimalDataset, TODAY } from './minimal-dataset';

describe('datasetStats', () => {
  it('counts cases, people, regions, statuses, roles and Urdu coverage', () => {
    const { dataset } = checkDataset(filesOf(minimalDataset()), TODAY);
    const stats = datasetStats(defined(dataset));
    expect(stats).toMatchObject({
      cases: 1,
      trackedPeople: 2,
      byCountry: { US: 1 },
      byRole: { 'made-allegation': 1, 'named-in-allegation': 1 },
      urdu: { cases: 0, people: 0 },
    });
    expect(Object.values(stats.byStatus)).toEqual([1]);
  });

  it('lists a case whose newest source is over a year older than its status', () => {
    const dataset = defined(checkDataset(filesOf(minimalDataset()), TODAY).dataset);
    const [first] = dataset.cases;
    const quiet = { ...defined(first), status: { ...defined(first).status, asOf: '2026-11-01' } };
    const stats = datasetStats({ ...dataset, cases: [quiet] });
    const newest = stats.quietCases[0];
    expect(stats.quietCases.map((q) => q.id)).toEqual([quiet.id]);
    expect(newest?.statusAsOf).toBe('2026-11-01');
    const recent = { ...quiet, status: { ...quiet.status, asOf: '2024-06-01' } };
    expect(datasetStats({ ...dataset, cases: [recent] }).quietCases).toEqual([]);
  });
});
