import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MASSAGE_STEPS } from '@lancar/content';
import { LESSONS } from '@lancar/content/training';
import { lessonPageIllustration } from './lesson-illustration.ts';
import { lessonText, PURPOSE_TEXT } from './purpose-text.ts';

describe('lesson pages and the real content', () => {
  it('a page that teaches a massage step shows that step’s drawing', () => {
    const technique = LESSONS.find((l) => l.id === 'technique');
    assert.ok(technique);
    const withStep = technique.pages.filter((p) => p.step !== null);
    assert.ok(withStep.length > 0);
    for (const page of withStep) {
      const step = MASSAGE_STEPS.find((s) => s.id === page.step);
      assert.equal(lessonPageIllustration(page, MASSAGE_STEPS), step?.illustration, page.id);
    }
  });

  it('the step’s drawing wins over the page’s own, and a page without either has none', () => {
    const steps = [{ id: 'massage' as const, illustration: 'massage-path' as const }];
    assert.equal(lessonPageIllustration({ step: 'massage', illustration: 'room' }, steps), 'massage-path');
    assert.equal(lessonPageIllustration({ step: null, illustration: 'breastfeed' }, steps), 'breastfeed');
    assert.equal(lessonPageIllustration({ step: null, illustration: null }, steps), null);
  });

  it('every sentence the training home quotes is still in the lessons, in both languages', () => {
    for (const ref of PURPOSE_TEXT) {
      const text = lessonText(LESSONS, ref);
      assert.ok(text.id.length > 0 && text.en.length > 0, `${ref.lessonId}/${ref.pageId}`);
    }
    assert.throws(
      () => lessonText(LESSONS, { lessonId: 'what-om-is', pageId: 'nope', part: 0 }),
      /no what-om-is\/nope/,
    );
  });
});
