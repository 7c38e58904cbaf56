import type { ResultRowStatus, TrainingResults } from '@lancar/contracts';
import type { Locale } from '../../locale.ts';

/** Words of the results reports (PDF and CSV), in the language of the request. */
const WORDS = {
  title: { id: 'Hasil tes pengetahuan pijat oksitosin', en: 'Oxytocin massage knowledge test results' },
  session: { id: 'Pelatihan kelompok', en: 'Group training' },
  facility: { id: 'Semua pendamping di fasilitas', en: 'All companions of the facility' },
  facilitators: { id: 'Fasilitator', en: 'Facilitators' },
  generated: { id: 'Dibuat', en: 'Generated' },
  itemBank: { id: 'Versi bank soal', en: 'Item bank version' },
  passMark: { id: 'Batas lulus', en: 'Pass mark' },
  passMarkNote: {
    id: 'Batas lulus ditetapkan oleh program, bukan berdasarkan bukti penelitian.',
    en: 'The pass mark is set by the programme; no research source defines it.',
  },
  scopeNote: {
    id: 'Hasil ini mengukur pengetahuan pendamping tentang pijat oksitosin, bukan produksi ASI.',
    en: 'These results measure what companions know about oxytocin massage, not milk supply.',
  },
  people: { id: 'Peserta', en: 'Participants' },
  pairs: { id: 'Pasangan lengkap (tes awal dan tes akhir)', en: 'Complete pairs (pre- and post-test)' },
  noPre: { id: 'Tanpa tes awal', en: 'No pre-test' },
  noPost: { id: 'Tanpa tes akhir', en: 'No post-test' },
  incomplete: { id: 'Lembar belum lengkap', en: 'Incomplete sheet' },
  measure: { id: 'Ukuran', en: 'Measure' },
  pre: { id: 'Tes awal', en: 'Pre-test' },
  post: { id: 'Tes akhir', en: 'Post-test' },
  change: { id: 'Perubahan', en: 'Change' },
  n: { id: 'n', en: 'n' },
  meanSd: { id: 'Rata-rata (SB)', en: 'Mean (SD)' },
  medianRange: { id: 'Median (min–maks)', en: 'Median (min–max)' },
  passedCount: { id: 'Lulus', en: 'Passed' },
  meanChange: { id: 'Rata-rata kenaikan nilai', en: 'Mean increase in score' },
  ci: { id: 'IK 95%', en: '95% CI' },
  to: { id: 'sampai', en: 'to' },
  test: { id: 'Uji statistik', en: 'Statistical test' },
  effectSize: { id: 'Besar efek (Hedges g_z)', en: 'Effect size (Hedges’ g_z)' },
  items: {
    id: 'Soal dari yang paling sulit (persentase benar)',
    en: 'Questions, hardest first (share answered correctly)',
  },
  question: { id: 'Soal', en: 'Question' },
  noAnswers: {
    id: 'Belum ada lembar jawaban yang diisi per soal; nilai total saja tidak menunjukkan soal mana yang sulit.',
    en: 'No sheet was entered item by item; total scores alone cannot show which questions were hard.',
  },
  participants: { id: 'Peserta dan nilainya', en: 'Participants and their scores' },
  name: { id: 'Nama', en: 'Name' },
  source: { id: 'Sumber', en: 'Source' },
  status: { id: 'Keterangan', en: 'Status' },
  noPairs: {
    id: 'Belum ada pasangan nilai tes awal dan tes akhir.',
    en: 'There are no pairs of pre- and post-test scores yet.',
  },
} as const;

export type Word = keyof typeof WORDS;

export function word(key: Word, locale: Locale): string {
  return WORDS[key][locale];
}

const STATUS: Record<ResultRowStatus, { id: string; en: string }> = {
  paired: { id: 'lengkap', en: 'paired' },
  no_pre: { id: 'tanpa tes awal', en: 'no pre-test' },
  no_post: { id: 'tanpa tes akhir', en: 'no post-test' },
  incomplete: { id: 'lembar belum lengkap', en: 'incomplete sheet' },
};

export function statusWord(status: ResultRowStatus, locale: Locale): string {
  return STATUS[status][locale];
}

const SOURCE = {
  phone: { id: 'ponsel', en: 'phone' },
  paper: { id: 'kertas', en: 'paper' },
  mixed: { id: 'ponsel dan kertas', en: 'phone and paper' },
};

export function sourceWord(source: 'phone' | 'paper' | 'mixed' | null, locale: Locale): string {
  return source ? SOURCE[source][locale] : '';
}

/** Numbers as people in each language write them (Indonesian uses a decimal comma). */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** p as journals print it: three decimals, "< 0.001" below that. */
export function formatP(p: number, locale: Locale): string {
  return p < 0.001 ? `< ${formatNumber(0.001, locale, 3)}` : `= ${formatNumber(p, locale, 3)}`;
}

const TEST_NAMES = {
  t: { id: 'Uji t berpasangan', en: 'Paired t-test' },
  wilcoxon: { id: 'Uji peringkat bertanda Wilcoxon', en: 'Wilcoxon signed-rank test' },
};

/** "Paired t-test: t(24) = 8.12, p < 0.001" or "...: V = 0, p = 0.002", with R's method line after it in English. */
export function testLine(test: NonNullable<TrainingResults['test']>, locale: Locale): string {
  const symbol = test.test === 't' ? `t(${test.df ?? ''})` : 'V';
  const line = `${TEST_NAMES[test.test][locale]}: ${symbol} = ${formatNumber(test.statistic, locale, 2)}, p ${formatP(test.pValue, locale)}`;
  return test.method === TEST_NAMES[test.test].en ? line : `${line} (${test.method})`;
}
