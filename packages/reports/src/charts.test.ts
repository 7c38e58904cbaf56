import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barChartSvg, niceTicks, spreadChartSvg } from './charts.ts';

describe('report charts', () => {
  it('gives round ticks, whole numbers for counts, never -0', () => {
    assert.deepEqual(niceTicks(0, 2), [0, 0.5, 1, 1.5, 2]);
    assert.deepEqual(niceTicks(0, 2, 4, 1), [0, 1, 2]);
    assert.deepEqual(niceTicks(-10, 5), [-10, -5, 0, 5]);
    assert.ok(!niceTicks(-1e-12, 3).some((v) => Object.is(v, -0)));
  });

  it('draws one bar per value with its label, and the missing mark for a bar without one', () => {
    const svg = barChartSvg({
      title: 'Kepatuhan <uji>',
      bars: [
        { label: '< 50%', value: 3 },
        { label: '≥ 80%', value: null },
      ],
      integer: true,
      missing: 'n/a',
    });
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.equal((svg.match(/<rect /g) ?? []).length, 1);
    assert.ok(svg.includes('&lt; 50%'), 'labels are escaped');
    assert.ok(svg.includes('<title>Kepatuhan &lt;uji&gt;</title>'));
    assert.ok(svg.includes('>n/a<'));
    assert.ok(!svg.includes('NaN'));
  });

  it('draws the median line and the IQR band, broken where a day has no value, and copes with no data', () => {
    const points = [
      { x: 1, median: 10, q1: 5, q3: 15 },
      { x: 2, median: 12, q1: 8, q3: 20 },
      { x: 3, median: null, q1: null, q3: null },
      { x: 4, median: 30, q1: 30, q3: 30 },
    ];
    const svg = spreadChartSvg({ title: 'mL', xLabel: 'Hari', points, reference: 0 });
    assert.equal((svg.match(/<polygon /g) ?? []).length, 1);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 1);
    assert.equal((svg.match(/<circle /g) ?? []).length, 3);
    assert.ok(svg.includes('stroke-dasharray'));
    const empty = spreadChartSvg({ title: 'mL', xLabel: 'Hari', points: points.map((p) => ({ ...p, median: null })) });
    assert.ok(!empty.includes('NaN') && !empty.includes('Infinity'));
  });
});
