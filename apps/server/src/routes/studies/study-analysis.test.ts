import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StudyDefinition } from '@lancar/domain';
import { pairedTTest, welchTTest } from '@lancar/stats';
import { analyseStudy, num, pText } from './study-analysis.ts';
import type { ParticipantValues } from './study-variables.ts';

const FACILITY = '0190a1b2-0000-7000-8000-00000000000a';

function study(overrides: Partial<StudyDefinition> = {}): StudyDefinition {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000f1',
    title: 'RCT',
    design: 'randomised',
    arms: [
      { id: 'intervention', label: { id: 'Intervensi', en: 'Intervention' } },
      { id: 'control', label: { id: 'Kontrol', en: 'Control' } },
    ],
    outcomes: [{ measure: 'expressed_milk_volume', day: 7, primary: true }],
    timePoints: [
      { role: 'pre', day: 2 },
      { role: 'post', day: 7 },
    ],
    facilityIds: [FACILITY],
    eligibility: {
      deliveryModes: ['vaginal'],
      parities: ['primipara', 'multipara'],
      gestationalAgeWeeks: null,
      enrolmentDays: { from: 1, to: 2 },
    },
    allocation: { blockSizes: [4], stratifyBy: 'none', ratio: '1:1' },
    ...overrides,
  };
}

function participant(i: number, armId: string | null, values: Record<string, number | string | null>) {
  return {
    pseudonym: `P-${i}`,
    armId,
    values: new Map<string, number | string | null>(Object.entries({ parity: 'primipara', ...values })),
  } satisfies ParticipantValues;
}

const intervention = [30.5, 34.1, 38.2, 29.9, 35.6, 33.0];
const control = [20.4, 22.8, 27.1, 24.5, 21.9, 25.3];

describe('study analysis', () => {
  it('formats numbers and p the APA way in each language', () => {
    assert.equal(num(3.8412, 2, 'id'), '3,84');
    assert.equal(num(3.8412, 2, 'en'), '3.84');
    assert.equal(pText(0.0004, 'id'), 'p < 0,001');
    assert.equal(pText(0.0004, 'en'), 'p < .001');
    assert.equal(pText(0.0234, 'en'), 'p = .023');
    assert.equal(pText(0.0234, 'id'), 'p = 0,023');
  });

  it('says a randomised difference plainly, with M, SD, t, p and g', () => {
    const rows = [
      ...intervention.map((v, i) => participant(i, 'intervention', { expressed_milk_volume_d7: v })),
      ...control.map((v, i) => participant(10 + i, 'control', { expressed_milk_volume_d7: v })),
    ];
    const analysis = analyseStudy('s', study(), rows);
    const welch = welchTTest(intervention, control);
    assert.equal(analysis.primary?.test, 'welch');
    assert.ok(Math.abs((analysis.primary?.pValue ?? 1) - welch.pValue) < 1e-12);
    const [enrolled, result] = analysis.sentences;
    assert.deepEqual(enrolled, {
      id: 'Sebanyak 12 ibu diikutkan (Intervensi: 6; Kontrol: 6).',
      en: '12 mothers were enrolled (Intervention: 6; Control: 6).',
    });
    assert.match(
      result?.id ?? '',
      /^Volume ASI perah hari ke-7 lebih tinggi pada kelompok intervensi \(M = 33,5; SB = 3,1\) dibanding kontrol \(M = 23,7; SB = 2,4\); t\(\d+,\d\) = \d+,\d\d; p [<=] 0,\d+; g = \d+,\d\d \[IK 95% \d+,\d\d; \d+,\d\d\]\.$/,
    );
    assert.match(
      result?.en ?? '',
      /^Expressed milk volume on day 7 was higher in the intervention group \(M = 33\.5, SD = 3\.1\) than in the control group \(M = 23\.7, SD = 2\.4\), t\(\d+\.\d\) = \d+\.\d\d, p [<=] \.\d+, g = \d+\.\d\d, 95% CI \[\d+\.\d\d, \d+\.\d\d\]\.$/,
    );
    assert.equal(analysis.sentences.length, 2);
  });

  it('reports a pre-post change without attributing it to the intervention', () => {
    const pre = [10, 12, 9, 14, 11, 13];
    const post = [20, 25, 18, 30, 21, 27];
    const rows = pre.map((v, i) =>
      participant(i, null, { expressed_milk_volume_d2: v, expressed_milk_volume_d7: post[i] ?? null }),
    );
    const analysis = analyseStudy('s', study({ design: 'pre_post', arms: [], allocation: null }), rows);
    assert.deepEqual(analysis.groups, [{ id: 'Semua peserta', en: 'All participants' }]);
    assert.equal(analysis.primary?.effectSize?.name, 'g_z');
    if (analysis.primary?.test === 't')
      assert.ok(Math.abs((analysis.primary.statistic ?? 0) - pairedTTest(pre, post).statistic) < 1e-12);
    const text = analysis.sentences.map((s) => `${s.id} | ${s.en}`).join('\n');
    assert.match(text, /meningkat bermakna dari pengukuran pra/);
    assert.match(text, /increased significantly from the pre/);
    assert.match(text, /cannot be attributed to the intervention/);
    assert.match(text, /tidak dapat dipastikan disebabkan oleh intervensi/);
  });

  it('says "did not differ" when p >= 0.05, and explains when there are too few values to test', () => {
    const same = [20, 22, 24, 21, 23];
    const rows = [
      ...same.map((v, i) => participant(i, 'intervention', { expressed_milk_volume_d7: v })),
      ...same.map((v, i) => participant(10 + i, 'control', { expressed_milk_volume_d7: v + 0.1 })),
    ];
    const none = analyseStudy('s', study(), rows).sentences[1];
    assert.match(none?.en ?? '', /did not differ significantly between the intervention group/);
    assert.match(none?.id ?? '', /tidak berbeda bermakna/);

    const few = analyseStudy('s', study(), [participant(1, 'intervention', { expressed_milk_volume_d7: 30 })]);
    assert.equal(few.primary?.pValue, null);
    assert.match(few.primary?.note?.en ?? '', /cannot be computed yet: n = 1 \/ 0\. \S/);
    assert.equal(few.primary?.note?.id, 'Uji statistik belum dapat dihitung: n = 1 / 0.');
    assert.deepEqual(few.tableOne[0]?.cells, ['1', '0']);
  });

  it('compares a binary primary outcome with a table test and a risk ratio', () => {
    const rows = [
      ...[1, 1, 1, 1, 1, 1, 1, 0, 0, 0].map((v, i) => participant(i, 'intervention', { milk_adequate_d7: v })),
      ...[1, 1, 1, 0, 0, 0, 0, 0, 0, 0].map((v, i) => participant(20 + i, 'control', { milk_adequate_d7: v })),
    ];
    const analysis = analyseStudy(
      's',
      study({ outcomes: [{ measure: 'milk_adequate', day: 7, primary: true }] }),
      rows,
    );
    assert.equal(analysis.primary?.type, 'binary');
    assert.equal(analysis.primary?.effectSize?.name, 'RR');
    assert.ok(Math.abs((analysis.primary?.effectSize?.estimate ?? 0) - 7 / 10 / (3 / 10)) < 1e-12);
    assert.deepEqual(
      analysis.primary?.groups.map((g) => [g.n, g.events]),
      [
        [10, 7],
        [10, 3],
      ],
    );
    assert.match(analysis.sentences[1]?.id ?? '', /7\/10, 70,0%/);
  });
});
