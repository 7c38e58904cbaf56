import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bcg } from '../test/dat-bcg.ts';
import { assertWellFormedSvg, count } from '../test/svg-check.ts';
import { forestPlot } from './forest-plot.ts';
import { funnelPlot } from './funnel-plot.ts';
import { metaAnalysis } from './meta-analysis.ts';
import { escalc } from './meta-effect-sizes.ts';
import { textWidth } from './text-width.ts';

const effects = escalc('RR', bcg);
const studies = effects.map((effect, i) => ({ ...effect, label: `Trial ${i + 1}` }));
const reml = metaAnalysis(effects, { method: 'REML' });
const fixed = metaAnalysis(effects, { method: 'FE' });

describe('forestPlot', () => {
  test('draws one row per study, the pooled diamond, the prediction interval and the reference line', () => {
    const svg = forestPlot({ studies, result: reml, exponentiate: true, xLabel: 'Risk ratio (log scale)' });
    assertWellFormedSvg(svg);
    assert.equal(count(svg, /<g class="study">/), bcg.length);
    assert.equal(count(svg, /<rect /), bcg.length);
    assert.equal(count(svg, /<polygon class="summary"/), 1);
    assert.equal(count(svg, /class="prediction-interval"/), 1);
    assert.equal(count(svg, /class="reference"/), 1);
    assert.match(svg, /Random-effects model \(REML\)/);
    // exp(-0.7145) = 0.49 and its CI exp(-1.0669, -0.3622) = 0.34, 0.70
    assert.match(svg, /0\.49 \[0\.34, 0\.70\]/);
    assert.match(svg, /τ² = 0\.313, I² = 92\.2%, Q = 152\.23 \(df = 12\), p &lt; 0\.001/);
  });
  test('fixed-effect model has no prediction interval', () => {
    const svg = forestPlot({ studies, result: fixed });
    assertWellFormedSvg(svg);
    assert.equal(count(svg, /prediction-interval/), 0);
    assert.match(svg, /Fixed-effect model/);
  });
  test('Indonesian labels', () => {
    const svg = forestPlot({ studies, result: reml, language: 'id', exponentiate: true });
    assert.match(svg, /Studi/);
    assert.match(svg, /Estimasi \[IK 95%\]/);
    assert.match(svg, /Model efek acak \(REML\)/);
    assert.match(svg, /Heterogenitas: /);
  });
  test('escapes labels and titles', () => {
    const tricky = studies.map((study, i) => (i === 0 ? { ...study, label: 'Siti & Ani <2021> "pilot"' } : study));
    const svg = forestPlot({ studies: tricky, result: reml, title: 'BCG & TB' });
    assertWellFormedSvg(svg);
    assert.match(svg, /Siti &amp; Ani &lt;2021&gt; &quot;pilot&quot;/);
    assert.ok(!svg.includes('<2021>'));
  });
  test('keeps every study label clear of the intervals, shortening one too long and keeping it whole in the tooltip', () => {
    const long = 'Ningsih, Setyowati, Rahmawati, Wulandari, Pratiwi dan Handayani 2021 (pijat oleh suami di rumah)';
    const labelled = studies.map((study, i) => ({
      ...study,
      label: i === 0 ? long : i === 1 ? 'Kusumastuti & Purnamasari 2020 (kelompok kader)' : study.label,
    }));
    const svg = forestPlot({ studies: labelled, result: reml, exponentiate: true });
    assertWellFormedSvg(svg);
    const rows = [
      ...svg.matchAll(/<g class="study"><title>([^<]*)<\/title><text x="([\d.]+)"[^>]*>([^<]*)<\/text>(.*?)<\/g>/g),
    ];
    assert.equal(rows.length, bcg.length);
    for (const [, tooltip, x, shown, rest] of rows) {
      const drawn = [...rest!.matchAll(/<(?:line x1|rect x)="([\d.-]+)"/g)].map((m) => Number(m[1]));
      const labelEnd = Number(x) + textWidth(shown!.replaceAll('&amp;', '&'), { size: 12 });
      assert.ok(labelEnd < Math.min(...drawn), `"${shown}" ends at ${labelEnd}, before its interval at ${drawn}`);
      assert.ok(tooltip!.startsWith(shown!.replace(/…$/, '')), 'the tooltip starts with the label');
    }
    assert.ok(rows[0]![3]!.endsWith('…') && rows[0]![3]!.length < long.length, 'the longest label is shortened');
    assert.ok(rows[0]![1]!.startsWith(`${long}:`), 'its tooltip has it whole');
    assert.equal(rows[1]![3], 'Kusumastuti &amp; Purnamasari 2020 (kelompok kader)', 'a long label that fits is whole');
  });
  test('is deterministic and refuses mismatched studies', () => {
    assert.equal(forestPlot({ studies, result: reml }), forestPlot({ studies, result: reml }));
    assert.throws(() => forestPlot({ studies: studies.slice(1), result: reml }), /12 studies but the result has 13/);
  });
});

describe('funnelPlot', () => {
  test('draws a point per study, the estimate line and the pseudo confidence region', () => {
    const svg = funnelPlot({ studies, result: reml, exponentiate: true, title: 'BCG trials' });
    assertWellFormedSvg(svg);
    assert.equal(count(svg, /<circle class="study"/), bcg.length);
    assert.equal(count(svg, /class="pseudo-confidence-region"/), 1);
    assert.equal(count(svg, /<line class="estimate"/), 1);
    assert.match(svg, /Standard error/);
  });
  test('Indonesian labels and unlabeled studies', () => {
    const svg = funnelPlot({ studies: effects, result: fixed, language: 'id' });
    assertWellFormedSvg(svg);
    assert.match(svg, /Galat baku/);
    assert.match(svg, /Plot corong, Model efek tetap, k = 13/);
  });
  test('refuses mismatched studies', () => {
    assert.throws(() => funnelPlot({ studies: effects.slice(2), result: reml }), /11 studies but the result has 13/);
  });
});
