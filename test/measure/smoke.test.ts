import { afterAll, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import { cleanup, newWarehouse, pipeline, submit } from './warehouseFixture.js';

afterAll(cleanup);
it('runs', async () => {
  const db = await newWarehouse();
  await submit(db, { partner: 'a', period: '2026-10', dataset: 'support', rows: [{ received_date: '2026-10-03' }] });
  await submit(db, { partner: 'a', period: '2026-10', dataset: 'concerns', rows: [{ raised_date: '2026-10-03', learning_to: ['none', 'training'] }] });
  const r = await computeMeasures(db, pipeline(), '2026-10');
  console.log(JSON.stringify(r.measures.find((m) => m.id === 'support.received'), null, 1).slice(0, 3000));
  console.log(r.measures.map((m) => m.id).join(' '));
  expect(r.measures.length).toBeGreaterThan(20);
});
