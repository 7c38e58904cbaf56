import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitText, textWidth } from './text-width.ts';

const PLAIN = { size: 12 };

describe('textWidth', () => {
  test('grows with the text, the size and bold', () => {
    assert.ok(textWidth('Ningsih 2019', PLAIN) > textWidth('Ningsih', PLAIN));
    assert.ok(textWidth('Ningsih', { size: 14 }) > textWidth('Ningsih', PLAIN));
    assert.ok(textWidth('Ningsih', { size: 12, bold: true }) > textWidth('Ningsih', PLAIN));
    assert.ok(textWidth('MMMM', PLAIN) > textWidth('iiii', PLAIN), 'proportional, not a count of characters');
  });
});

describe('fitText', () => {
  test('keeps a text that fits as it is', () => {
    assert.equal(fitText('Lestari et al. 2021', 200, PLAIN), 'Lestari et al. 2021');
  });

  test('shortens a text that does not fit to the longest start that does, with an ellipsis', () => {
    const long = 'Ningsih, Setyowati, Rahmawati, Wulandari dan Pratiwi 2021 (pijat oleh suami)';
    const shown = fitText(long, 200, PLAIN);
    assert.ok(shown.endsWith('…'), shown);
    assert.ok(textWidth(shown, PLAIN) <= 200, `${shown} fits`);
    assert.ok(long.startsWith(shown.slice(0, -1)), 'the start of the text, unchanged');
    // The next longer start (spaces at the end are dropped, so it may take more than one character) does not fit.
    let next = shown.length;
    while (long.slice(0, next).trimEnd() === shown.slice(0, -1)) next++;
    assert.ok(textWidth(`${long.slice(0, next).trimEnd()}…`, PLAIN) > 200, 'one character more would not fit');
  });

  test('never cuts inside a character made of two UTF-16 units', () => {
    const shown = fitText('𝛼𝛽𝛾𝛿𝜀𝜁𝜂𝜃𝜄𝜅𝜆𝜇𝜈𝜉𝜊𝜋𝜌𝜍𝜎𝜏', 60, PLAIN);
    assert.ok(shown.endsWith('…'));
    assert.ok(!/\p{Cs}/u.test(shown), 'no lone surrogate');
  });

  test('gives only the ellipsis when not even one character fits', () => {
    assert.equal(fitText('Wulandari', 1, PLAIN), '…');
  });
});
