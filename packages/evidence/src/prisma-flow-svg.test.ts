import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrismaCounts } from './prisma.ts';
import { prismaFlowSvg } from './prisma-flow-svg.ts';

const COUNTS: PrismaCounts = {
  databases: [
    { name: 'PubMed', count: 1234 },
    { name: 'Scopus & <Embase>', count: 56 },
  ],
  registers: [],
  identified: 1290,
  duplicatesRemoved: 90,
  automationIneligible: 10,
  screened: 1190,
  excludedScreening: 1150,
  reportsSought: 40,
  reportsNotRetrieved: 3,
  assessed: 37,
  excludedFullText: [
    { reason: 'Wrong population', count: 20 },
    { reason: '', count: 5 },
  ],
  reportsIncluded: 12,
  studiesIncluded: 11,
};

/** Checks well-formedness without an XML library: balanced, properly nested tags, quoted attributes, escaped text. */
function assertWellFormedXml(xml: string): void {
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
  const badText = /[<>]|&(?!(?:amp|lt|gt|quot|apos);)/;
  const stack: string[] = [];
  let roots = 0;
  let position = 0;
  for (const match of xml.matchAll(tag)) {
    const between = xml.slice(position, match.index);
    assert.doesNotMatch(between, badText, `unescaped text before offset ${match.index}: ${between.slice(0, 60)}`);
    assert.doesNotMatch(match[3] ?? '', /&(?!(?:amp|lt|gt|quot|apos);)/, `unescaped attribute in ${match[0]}`);
    const [, closing, name, , selfClosing] = match;
    if (stack.length === 0) {
      assert.equal(closing, '', `closing tag ${name} without opening`);
      roots++;
    }
    if (closing) assert.equal(stack.pop(), name, `mismatched </${name}>`);
    else if (!selfClosing) stack.push(name!);
    position = match.index + match[0].length;
  }
  assert.equal(xml.slice(position), '', 'text after the root element');
  assert.deepEqual(stack, [], 'unclosed tags');
  assert.equal(roots, 1, 'exactly one root element');
}

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
}

function stepText(svg: string, step: string): string[] {
  const group = new RegExp(`<g class="box" data-step="${step}">(.*?)</g>`).exec(svg);
  assert.ok(group, `no box ${step}`);
  return texts(group[1]!);
}

describe('prismaFlowSvg', () => {
  it('is well-formed XML, and the checker catches broken markup', () => {
    assertWellFormedXml(prismaFlowSvg(COUNTS, { language: 'en' }));
    assertWellFormedXml(prismaFlowSvg(COUNTS, { language: 'id' }));
    assert.throws(() => assertWellFormedXml('<svg><g></svg>'));
    assert.throws(() => assertWellFormedXml('<svg><text>a & b</text></svg>'));
    assert.throws(() => assertWellFormedXml('<svg></svg><svg></svg>'));
  });

  it('puts the numbers in the English boxes, with escaped source names', () => {
    const svg = prismaFlowSvg(COUNTS, { language: 'en' });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
    assert.match(svg, /aria-label="PRISMA 2020 flow diagram"/);
    assert.ok(svg.includes('Scopus &amp; &lt;Embase&gt; (n = 56)'));
    assert.deepEqual(stepText(svg, 'identified'), [
      'Records identified from databases (n = 1,290):',
      'PubMed (n = 1,234)',
      'Scopus & <Embase> (n = 56)',
      'Records identified from registers (n = 0)',
    ]);
    assert.deepEqual(stepText(svg, 'removed'), [
      'Records removed before screening:',
      'Duplicate records removed (n = 90)',
      // Wrapped, with the count kept whole on the continuation line.
      'Records marked as ineligible by automation',
      'tools (n = 10)',
    ]);
    assert.deepEqual(stepText(svg, 'screened'), ['Records screened (n = 1,190)']);
    assert.deepEqual(stepText(svg, 'excluded'), ['Records excluded (n = 1,150)']);
    assert.deepEqual(stepText(svg, 'sought'), ['Reports sought for retrieval (n = 40)']);
    assert.deepEqual(stepText(svg, 'not-retrieved'), ['Reports not retrieved (n = 3)']);
    assert.deepEqual(stepText(svg, 'assessed'), ['Reports assessed for eligibility (n = 37)']);
    assert.deepEqual(stepText(svg, 'reports-excluded'), [
      'Reports excluded (n = 25):',
      'Wrong population (n = 20)',
      'No reason recorded (n = 5)',
    ]);
    assert.deepEqual(stepText(svg, 'included'), [
      'Studies included in review (n = 11)',
      'Reports of included studies (n = 12)',
    ]);
    for (const phase of ['Identification', 'Screening', 'Included']) assert.ok(texts(svg).includes(phase), phase);
    assert.ok(texts(svg).includes('Identification of studies via databases and registers'));
  });

  it('uses Indonesian labels and number grouping', () => {
    const svg = prismaFlowSvg(COUNTS, { language: 'id' });
    assert.match(svg, /aria-label="Diagram alir PRISMA 2020"/);
    assert.deepEqual(stepText(svg, 'identified').slice(0, 3), [
      'Rekaman yang diidentifikasi dari basis data',
      '(n = 1.290):',
      'PubMed (n = 1.234)',
    ]);
    assert.deepEqual(stepText(svg, 'screened'), ['Rekaman yang disaring (n = 1.190)']);
    assert.deepEqual(stepText(svg, 'excluded'), ['Rekaman yang dikeluarkan (n = 1.150)']);
    assert.deepEqual(stepText(svg, 'included'), [
      'Studi yang disertakan dalam tinjauan (n = 11)',
      'Laporan dari studi yang disertakan (n = 12)',
    ]);
    assert.equal(stepText(svg, 'reports-excluded')[2], 'Alasan tidak dicatat (n = 5)');
    for (const phase of ['Identifikasi', 'Penyaringan', 'Disertakan']) assert.ok(texts(svg).includes(phase), phase);
    // Indonesian is the default language.
    assert.equal(prismaFlowSvg(COUNTS), svg);
  });

  it('draws four downward and four sideways arrows with a prefixed marker', () => {
    const svg = prismaFlowSvg(COUNTS, { language: 'en', idPrefix: 'review-7' });
    assert.match(svg, /<marker id="review-7-arrow"/);
    assert.equal(svg.match(/marker-end="url\(#review-7-arrow\)"/g)?.length, 8);
    assert.equal(svg.match(/<g class="box"/g)?.length, 9);
  });

  it('wraps long text and sizes boxes to fit it', () => {
    const { automationIneligible: _, ...plain } = COUNTS;
    const longReason = 'Outcome measured only as a yes/no breastfeeding adequacy checklist without volumes';
    const short = prismaFlowSvg({ ...plain, excludedFullText: [{ reason: 'Short', count: 1 }] }, { language: 'en' });
    const long = prismaFlowSvg({ ...plain, excludedFullText: [{ reason: longReason, count: 1 }] }, { language: 'en' });
    const size = (svg: string) => /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    const [shortWidth = 0, shortHeight = 0] = size(short);
    const [longWidth = 0, longHeight = 0] = size(long);
    assert.ok(longWidth > shortWidth, `${longWidth} > ${shortWidth}`);
    assert.ok(longHeight > shortHeight, 'the wrapped reason takes more lines');
    const lines = stepText(long, 'reports-excluded');
    assert.deepEqual(lines, [
      'Reports excluded (n = 1):',
      'Outcome measured only as a yes/no',
      'breastfeeding adequacy checklist without',
      'volumes (n = 1)',
    ]);
    // Every box is wider than its longest line at a generous 7 px per character, and inside the picture.
    for (const svg of [short, long]) {
      const [width = 0] = size(svg);
      for (const [, body = ''] of svg.matchAll(/<g class="box" data-step="[^"]+">(.*?)<\/g>/g)) {
        const [x = 0, boxWidth = 0] = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(body)!.slice(1).map(Number);
        const longest = Math.max(...texts(body).map((line) => line.length));
        assert.ok(boxWidth >= longest * 7, `box of ${boxWidth} px for ${longest} characters`);
        assert.ok(x + boxWidth <= width, 'box inside the picture');
      }
    }
  });
});
