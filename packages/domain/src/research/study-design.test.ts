import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  OUTCOME_MEASURES,
  type OutcomeMeasure,
  type StudyDefinition,
  type StudyProblem,
  validateStudyDefinition,
} from './study-design.ts';
import { prePostStudy, randomisedStudy, twoGroupStudy } from './test-studies.ts';

/** The problems of a study changed by `change`, after checking each message is given in both languages. */
function problemsAfter(base: () => StudyDefinition, change: (s: StudyDefinition) => void): StudyProblem[] {
  const study = base();
  change(study);
  const problems = validateStudyDefinition(study);
  for (const p of problems) {
    assert.ok(p.message.id.trim() && p.message.en.trim(), `message for ${p.field} must have id and en`);
    assert.notEqual(p.message.id, p.message.en, `message for ${p.field} must be translated`);
  }
  return problems;
}

/** Asserts exactly one problem, on `field`, with English text matching `en`. */
function assertOnly(problems: StudyProblem[], field: string, en: RegExp): void {
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 1)}`);
  assert.equal(problems[0]?.field, field);
  assert.match(problems[0]?.message.en ?? '', en);
}

describe('validateStudyDefinition: valid studies', () => {
  it('finds nothing wrong in a valid study of each design', () => {
    assert.deepEqual(validateStudyDefinition(randomisedStudy()), []);
    assert.deepEqual(validateStudyDefinition(prePostStudy()), []);
    assert.deepEqual(validateStudyDefinition(twoGroupStudy()), []);
  });
});

describe('validateStudyDefinition: identity and design', () => {
  it('requires an id and a title', () => {
    const problems = problemsAfter(randomisedStudy, (s) => {
      s.id = '';
      s.title = '   ';
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['id', 'title'],
    );
  });

  it('refuses an unknown design and stops there', () => {
    const problems = problemsAfter(randomisedStudy, (s) => {
      s.design = 'crossover' as StudyDefinition['design'];
      s.arms = [];
    });
    assertOnly(problems, 'design', /Unknown study design/);
  });
});

describe('validateStudyDefinition: arms', () => {
  it('refuses a randomised design without two arms', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.arms = s.arms.slice(0, 1);
      }),
      'arms',
      /exactly two arms \(found 1\)/,
    );
    const three = problemsAfter(randomisedStudy, (s) => {
      s.arms.push({ id: 'sham', label: { id: 'Plasebo', en: 'Sham' } });
    });
    assert.ok(three.some((p) => p.field === 'arms' && /found 3/.test(p.message.en)));
  });

  it('refuses a non-randomised two-group design without two arms', () => {
    assertOnly(
      problemsAfter(twoGroupStudy, (s) => {
        s.arms = [];
      }),
      'arms',
      /exactly two arms \(found 0\)/,
    );
  });

  it('refuses a pre-post design with two arms', () => {
    assertOnly(
      problemsAfter(prePostStudy, (s) => {
        s.arms = randomisedStudy().arms;
      }),
      'arms',
      /one-group pre-post design has no comparison group/,
    );
  });

  it('refuses duplicate arm ids, malformed ids and missing labels', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.arms = [s.arms[0]!, { ...s.arms[0]! }];
      }),
      'arms',
      /same id/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.arms[1]!.id = 'Control group';
      }),
      'arms[1].id',
      /lower-case/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.arms[0]!.label = { id: 'Intervensi', en: '' };
      }),
      'arms[0].label',
      /Indonesian and English/,
    );
  });
});

describe('validateStudyDefinition: time points', () => {
  it('refuses time point days outside 1-42 and repeated days', () => {
    const problems = problemsAfter(twoGroupStudy, (s) => {
      s.timePoints = [
        { role: 'post', day: 3 },
        { role: 'post', day: 43 },
        { role: 'post', day: 0 },
      ];
      s.outcomes = [{ measure: 'expressed_milk_volume', day: 3, primary: true }];
      s.eligibility.enrolmentDays = { from: 1, to: 2 };
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['timePoints[1].day', 'timePoints[2].day'],
    );
    assert.match(problems[0]?.message.en ?? '', /from 1 to 42/);
    assertOnly(
      problemsAfter(twoGroupStudy, (s) => {
        s.timePoints.push({ role: 'post', day: 3 });
      }),
      'timePoints',
      /listed twice/,
    );
  });

  it('requires exactly one pre time point in a pre-post design', () => {
    assertOnly(
      problemsAfter(prePostStudy, (s) => {
        s.timePoints = [{ role: 'post', day: 3 }];
      }),
      'timePoints',
      /exactly one baseline/,
    );
  });

  it('lets a two-group design go without a baseline but not with two', () => {
    assert.deepEqual(
      problemsAfter(twoGroupStudy, (s) => {
        s.timePoints = s.timePoints.filter((tp) => tp.role === 'post');
      }),
      [],
    );
    assertOnly(
      problemsAfter(twoGroupStudy, (s) => {
        s.timePoints.push({ role: 'pre', day: 1 });
        s.eligibility.enrolmentDays = { from: 1, to: 1 };
      }),
      'timePoints',
      /At most one baseline/,
    );
  });

  it('requires a post time point, after the pre one', () => {
    const none = problemsAfter(twoGroupStudy, (s) => {
      s.timePoints = [{ role: 'pre', day: 2 }];
      s.outcomes = [{ measure: 'time_to_milk_in', day: null, primary: true }];
    });
    assertOnly(none, 'timePoints', /at least one outcome \(post\) time point/);
    const before = problemsAfter(prePostStudy, (s) => {
      s.timePoints = [
        { role: 'pre', day: 5 },
        { role: 'post', day: 3 },
      ];
    });
    assertOnly(before, 'timePoints', /must come after the pre time point/);
  });

  it('refuses a baseline that mothers enrolled late would miss', () => {
    assertOnly(
      problemsAfter(prePostStudy, (s) => {
        s.eligibility.enrolmentDays = { from: 1, to: 2 };
      }),
      'timePoints',
      /baseline on day 1 is missed by mothers enrolled on day 2/,
    );
  });

  it('refuses an outcome time point within the enrolment window', () => {
    assertOnly(
      problemsAfter(twoGroupStudy, (s) => {
        s.eligibility.enrolmentDays = { from: 1, to: 3 };
        s.timePoints = s.timePoints.filter((tp) => tp.role === 'post');
      }),
      'timePoints',
      /after the end of the enrolment window/,
    );
  });
});

describe('validateStudyDefinition: outcomes', () => {
  it('refuses outcome days outside 1-42', () => {
    for (const day of [0, 43, 2.5]) {
      assertOnly(
        problemsAfter(randomisedStudy, (s) => {
          s.outcomes[0]!.day = day;
        }),
        'outcomes[0].day',
        /whole number from 1 to 42/,
      );
    }
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes[1]!.day = null;
      }),
      'outcomes[1].day',
      /whole number from 1 to 42/,
    );
  });

  it('requires a day-timed outcome to fall on a post time point', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes[1]!.day = 14;
      }),
      'outcomes[1].day',
      /Day 14 is not one of this study's post time points/,
    );
  });

  it('refuses a day on an outcome not measured on a chosen day', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes[2]!.day = 3;
      }),
      'outcomes[2].day',
      /leave the day empty/,
    );
  });

  it('requires outcomes, exactly one of them primary, none repeated or unknown', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes = [];
      }),
      'outcomes',
      /at least one outcome/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes[1]!.primary = true;
      }),
      'outcomes',
      /Exactly one outcome must be primary \(found 2\)/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes[0]!.primary = false;
      }),
      'outcomes',
      /found 0/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes.push({ measure: 'expressed_milk_volume', day: 3, primary: false });
      }),
      'outcomes[3]',
      /listed twice/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.outcomes[1]!.measure = 'prolactin' as OutcomeMeasure;
      }),
      'outcomes[1].measure',
      /Unknown outcome measure/,
    );
  });

  it('refuses a once-only outcome in a pre-post design', () => {
    assertOnly(
      problemsAfter(prePostStudy, (s) => {
        s.outcomes.push({ measure: 'time_to_milk_in', day: null, primary: false });
      }),
      'outcomes[2].measure',
      /cannot be compared before and after/,
    );
  });

  it('describes every measure with a unit matching its type', () => {
    for (const [measure, info] of Object.entries(OUTCOME_MEASURES)) {
      assert.equal(info.unit === null, info.type === 'binary', `${measure}: binary measures alone have no unit`);
    }
    assert.equal(OUTCOME_MEASURES.expressed_milk_volume.unit.en, 'ml');
    assert.equal(OUTCOME_MEASURES.time_to_milk_in.unit.en, 'h');
    assert.equal(OUTCOME_MEASURES.companion_knowledge_score.timing, 'post_test');
  });
});

describe('validateStudyDefinition: facilities and eligibility', () => {
  it('refuses an empty or repeated facility list', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.facilityIds = [];
      }),
      'facilityIds',
      /at least one facility/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.facilityIds = [s.facilityIds[0]!, s.facilityIds[0]!];
      }),
      'facilityIds',
      /listed twice/,
    );
  });

  it('refuses empty delivery-mode and parity lists', () => {
    const problems = problemsAfter(randomisedStudy, (s) => {
      s.eligibility.deliveryModes = [];
      s.eligibility.parities = [];
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['eligibility.deliveryModes', 'eligibility.parities'],
    );
  });

  it('refuses a gestational age range that is reversed or implausible', () => {
    for (const range of [
      { min: 40, max: 37 },
      { min: 20, max: 40 },
      { min: 37, max: 45 },
    ]) {
      assertOnly(
        problemsAfter(randomisedStudy, (s) => {
          s.eligibility.gestationalAgeWeeks = range;
        }),
        'eligibility.gestationalAgeWeeks',
        /within 22 to 44 weeks/,
      );
    }
    assert.deepEqual(
      problemsAfter(randomisedStudy, (s) => {
        s.eligibility.gestationalAgeWeeks = null;
      }),
      [],
    );
  });

  it('refuses an enrolment window that is reversed or outside 1-42', () => {
    const reversed = problemsAfter(randomisedStudy, (s) => {
      s.eligibility.enrolmentDays = { from: 2, to: 1 };
    });
    assertOnly(reversed, 'eligibility.enrolmentDays', /first day not after its last/);
    const outside = problemsAfter(randomisedStudy, (s) => {
      s.eligibility.enrolmentDays = { from: 0, to: 2 };
    });
    assertOnly(outside, 'eligibility.enrolmentDays', /within day 1 to 42/);
  });
});

describe('validateStudyDefinition: allocation', () => {
  it('requires allocation settings for a randomised design only', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.allocation = null;
      }),
      'allocation',
      /randomised design needs allocation settings/,
    );
    assertOnly(
      problemsAfter(twoGroupStudy, (s) => {
        s.allocation = randomisedStudy().allocation;
      }),
      'allocation',
      /only to a randomised design/,
    );
    assertOnly(
      problemsAfter(prePostStudy, (s) => {
        s.allocation = randomisedStudy().allocation;
      }),
      'allocation',
      /only to a randomised design/,
    );
  });

  it('refuses block sizes that are not multiples of the number of arms', () => {
    for (const blockSizes of [[3, 4], [4, 5], [0], [-2], [2.5]]) {
      assertOnly(
        problemsAfter(randomisedStudy, (s) => {
          s.allocation!.blockSizes = blockSizes;
        }),
        'allocation.blockSizes',
        /multiple of the number of arms \(2\)/,
      );
    }
  });

  it('refuses missing or repeated block sizes', () => {
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.allocation!.blockSizes = [];
      }),
      'allocation.blockSizes',
      /at least one block size/,
    );
    assertOnly(
      problemsAfter(randomisedStudy, (s) => {
        s.allocation!.blockSizes = [4, 4];
      }),
      'allocation.blockSizes',
      /listed twice/,
    );
  });

  it('refuses an unknown stratification and a ratio other than 1:1', () => {
    const problems = problemsAfter(randomisedStudy, (s) => {
      s.allocation!.stratifyBy = 'district' as 'none';
      s.allocation!.ratio = '2:1' as '1:1';
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['allocation.stratifyBy', 'allocation.ratio'],
    );
    assert.match(problems[1]?.message.en ?? '', /Only a 1:1 allocation ratio/);
  });
});
