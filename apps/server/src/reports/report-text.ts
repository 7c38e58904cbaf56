import { dangerSignById } from '@lancar/content';
import { alertRuleBySign } from '@lancar/domain';
import type { Locale } from '../locale.ts';

/** Words of the facility and district reports (PDF and CSV labels), in the language of the request. */
const WORDS = {
  title: { id: 'Laporan program pijat oksitosin', en: 'Oxytocin massage programme report' },
  period: { id: 'Periode pendaftaran', en: 'Enrolment period' },
  generated: { id: 'Dibuat', en: 'Generated' },
  cohortNote: {
    id: 'Ibu yang didaftarkan dalam periode ini diikuti sampai akhir protokolnya; peringatan dihitung menurut tanggal munculnya. Hari ke-1 = 24 jam pertama setelah persalinan.',
    en: 'Mothers enrolled in the period are followed to the end of their protocol; alerts count by the date they were raised. Day 1 = the first 24 hours after birth.',
  },
  mothersEnrolled: { id: 'Ibu terdaftar', en: 'Mothers enrolled' },
  withoutDelivery: { id: 'tanpa waktu persalinan', en: 'without a delivery time' },
  protocol: { id: 'Penyelesaian protokol pijat', en: 'Massage protocol completion' },
  withPlan: { id: 'Dengan rencana pijat', en: 'With a massage plan' },
  finished: { id: 'Protokol sudah berakhir', en: 'Protocol over' },
  completed: { id: 'Semua sesi dilakukan', en: 'Every session given' },
  adherence: { id: 'Kepatuhan (sesi dilakukan / direncanakan)', en: 'Adherence (sessions given / planned)' },
  below50: { id: '< 50%', en: '< 50%' },
  from50to79: { id: '50–79%', en: '50–79%' },
  atLeast80: { id: '≥ 80%', en: '≥ 80%' },
  median: { id: 'Median', en: 'Median' },
  iqr: { id: 'RAK', en: 'IQR' },
  adequacy: { id: 'Ceklis kecukupan ASI: "cukup"', en: 'Milk adequacy checklist: "adequate"' },
  day: { id: 'Hari', en: 'Day' },
  dayOfLife: { id: 'Hari setelah lahir', en: 'Day after birth' },
  adequate: { id: 'Cukup', en: 'Adequate' },
  notAdequate: { id: 'Belum cukup', en: 'Not adequate' },
  incomplete: { id: 'Belum lengkap', en: 'Incomplete' },
  share: { id: 'Persentase cukup', en: 'Share adequate' },
  expressed: { id: 'ASI perah per hari (mL), median dan RAK', en: 'Expressed milk per day (mL), median and IQR' },
  expressedNote: {
    id: 'Hanya ibu yang mencatat ASI perah pada hari itu. Volume perah hari 1–3 memang kecil dan bukan ukuran produksi ASI.',
    en: 'Only mothers who logged expressed milk that day. Volumes on days 1–3 are small by nature and do not measure milk supply.',
  },
  weight: { id: 'Perubahan berat bayi dari berat lahir (%)', en: 'Baby weight change from birth weight (%)' },
  weightNote: {
    id: 'Berat terakhir pada hari itu, hanya bayi yang ditimbang. Garis putus-putus: berat lahir.',
    en: 'The last weight of that day, babies weighed that day only. Dashed line: birth weight.',
  },
  alerts: { id: 'Peringatan tanda bahaya', en: 'Danger-sign alerts' },
  raised: { id: 'Muncul', en: 'Raised' },
  acted: { id: 'Ditindaklanjuti', en: 'Acted on' },
  closed: { id: 'Selesai', en: 'Closed' },
  hoursToAction: { id: 'Jam sampai tindakan pertama (median)', en: 'Hours to first action (median)' },
  sign: { id: 'Tanda', en: 'Sign' },
  companions: { id: 'Pendamping', en: 'Companions' },
  linked: { id: 'Pendamping ibu terdaftar', en: 'Companions of enrolled mothers' },
  trained: { id: 'Sudah tes akhir', en: 'Took the post-test' },
  competent: { id: 'Kompeten (uji keterampilan lulus)', en: 'Competent (passed the skill check)' },
  exclusive: { id: 'ASI eksklusif di akhir pemantauan', en: 'Exclusive breastfeeding at the end of follow-up' },
  notRecorded: {
    id: 'Tidak tercatat: catatan menyusu hanya berisi sisi dan lama menyusu, tanpa susu formula atau minuman lain, dan tidak ada pertanyaan tentang ASI eksklusif.',
    en: 'Not recorded: a feed records the side and minutes only, with no formula or other drinks, and no record asks about exclusive breastfeeding.',
  },
  n: { id: 'n', en: 'n' },
  none: { id: 'Belum ada data.', en: 'No data yet.' },
  page: { id: 'Halaman', en: 'Page' },
} as const;

export type ReportWord = keyof typeof WORDS;

export function reportWord(key: ReportWord, locale: Locale): string {
  return WORDS[key][locale];
}

/** Numbers as people in each language write them (Indonesian uses a decimal comma). */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(share: number | null, locale: Locale): string {
  return share === null ? '–' : `${formatNumber(share * 100, locale, 0)}%`;
}

/** The sign's name as the household app shows it, or the rule's own label. */
export function signName(signId: string, locale: Locale): string {
  return dangerSignById(signId)?.label[locale] ?? alertRuleBySign(signId)?.label?.[locale] ?? signId;
}
