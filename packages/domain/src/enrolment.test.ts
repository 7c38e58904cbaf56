import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkEnrolmentDates,
  checkNik,
  checkProtocolStart,
  nikParts,
  normaliseName,
  startDayOfLife,
} from './enrolment.ts';

// Region 330101, born 14-02-98, a woman (14 + 40 = 54), serial 0001.
const NIK_WOMAN = '3301015402980001';
const WIB = 420;

describe('NIK', () => {
  it('reads the date of birth, taking away the 40 added for women', () => {
    assert.deepEqual(nikParts(NIK_WOMAN), { day: 14, month: 2, yearTwoDigits: 98, female: true });
    assert.deepEqual(nikParts('3301011402980001'), { day: 14, month: 2, yearTwoDigits: 98, female: false });
  });
  it('refuses what is not 16 digits', () => {
    for (const nik of ['330101540298000', '33010154029800011', '3301-0154029800', '330101540298000A', ''])
      assert.deepEqual(checkNik(nik, undefined).errors, ['nik-format'], nik);
  });
  it('refuses 16 digits whose date part cannot be a date', () => {
    for (const nik of [
      '3301010002980001',
      '3301013502980001',
      '3301017202980001',
      '3301015413980001',
      '3301017102980001',
    ])
      assert.deepEqual(checkNik(nik, undefined).errors, ['nik-date-invalid'], nik);
    // 31 April (71 - 40 = 31) does not exist; 29 February may (the century is unknown).
    assert.deepEqual(checkNik('3301017104980001', undefined).errors, ['nik-date-invalid']);
    assert.deepEqual(checkNik('3301016902000001', undefined).errors, []);
  });
  it('accepts a woman’s NIK that matches her date of birth without any warning', () => {
    assert.deepEqual(checkNik(NIK_WOMAN, '1998-02-14'), { errors: [], warnings: [], nikDate: '14-02-98' });
    assert.deepEqual(checkNik(NIK_WOMAN, undefined).warnings, []);
  });
  it('warns when the date of birth disagrees with the NIK in day, month or year', () => {
    for (const dob of ['1998-02-15', '1998-03-14', '1997-02-14'])
      assert.deepEqual(checkNik(NIK_WOMAN, dob).warnings, ['nik-dob-mismatch'], dob);
    // Same last two digits of the year, another century: the NIK cannot tell them apart.
    assert.deepEqual(checkNik(NIK_WOMAN, '1898-02-14').warnings, []);
  });
  it('warns about a man’s NIK (the day without 40 added), often the husband’s', () => {
    assert.deepEqual(checkNik('3301011402980001', '1998-02-14').warnings, ['nik-not-female']);
  });
});

describe('enrolment dates', () => {
  const now = new Date('2026-11-23T10:00:00+07:00');
  const check = (deliveredAt: string, dateOfBirth?: string) =>
    checkEnrolmentDates({ deliveredAt: new Date(deliveredAt), dateOfBirth, now, clockSkewMinutes: 10 }).map(
      (i) => `${i.path}:${i.issue}`,
    );
  it('accepts a delivery in the past and a plausible age', () => {
    assert.deepEqual(check('2026-11-22T08:00:00+07:00', '1998-02-14'), []);
  });
  it('refuses a delivery in the future, beyond the allowed clock difference', () => {
    assert.deepEqual(check('2026-11-23T10:05:00+07:00'), []);
    assert.deepEqual(check('2026-11-23T10:11:00+07:00'), ['deliveredAt:delivery-in-future']);
    assert.deepEqual(check('2026-12-01T08:00:00+07:00'), ['deliveredAt:delivery-in-future']);
  });
  it('refuses a date of birth after the delivery or an age that cannot be right', () => {
    assert.deepEqual(check('2026-11-22T08:00:00+07:00', '2026-11-23'), ['dateOfBirth:birth-date-after-delivery']);
    assert.deepEqual(check('2026-11-22T08:00:00+07:00', '2020-01-01'), ['dateOfBirth:age-implausible']);
    assert.deepEqual(check('2026-11-22T08:00:00+07:00', '1950-01-01'), ['dateOfBirth:age-implausible']);
  });
});

describe('protocol start', () => {
  // Born in the evening of 20 November (WIB), which is still 20 November in UTC+7 but the 20th 15:15 UTC.
  const born = new Date('2026-11-20T22:15:00+07:00');
  it('may start on the delivery date and up to 42 days later, never before', () => {
    assert.equal(checkProtocolStart('2026-11-20', born, WIB), undefined);
    assert.equal(checkProtocolStart('2027-01-01', born, WIB), undefined);
    assert.equal(checkProtocolStart('2026-11-19', born, WIB), 'before-delivery');
    assert.equal(checkProtocolStart('2027-01-02', born, WIB), 'too-late');
  });
  it('uses the local date of the delivery: 23:30 WIB on the 20th is the 20th, not the 21st', () => {
    const lateEvening = new Date('2026-11-20T23:30:00+07:00');
    assert.equal(checkProtocolStart('2026-11-20', lateEvening, WIB), undefined);
    assert.equal(checkProtocolStart('2026-11-20', new Date('2026-11-21T00:30:00+07:00'), WIB), 'before-delivery');
  });
  it('turns the start date into the day of life it begins', () => {
    assert.equal(startDayOfLife(born, null, WIB), null);
    assert.equal(startDayOfLife(born, '2026-11-20', WIB), 1);
    assert.equal(startDayOfLife(born, '2026-11-23', WIB), 4);
  });
});

describe('normaliseName', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    const same = ['Siti Aminah', '  siti   AMINAH ', 'Siti Aminah.', 'SITI\tAMINAH', 'Sití Aminah'];
    for (const name of same) assert.equal(normaliseName(name), 'siti aminah', name);
  });
  it('keeps different names different', () => {
    assert.notEqual(normaliseName('Siti Aminah'), normaliseName('Siti Amina'));
    assert.notEqual(normaliseName('Siti Aminah'), normaliseName('Aminah Siti'));
  });
});
