// The wording of the PRISMA 2020 flow diagram (new reviews, databases and registers only), in Indonesian and English.

export type PrismaLanguage = 'id' | 'en';

export interface PrismaLabels {
  title: string;
  header: string;
  identification: string;
  screening: string;
  included: string;
  fromDatabases: string;
  fromRegisters: string;
  removedBeforeScreening: string;
  duplicates: string;
  automation: string;
  otherReasons: string;
  screened: string;
  excluded: string;
  sought: string;
  notRetrieved: string;
  assessed: string;
  reportsExcluded: string;
  noReason: string;
  studiesIncluded: string;
  reportsIncluded: string;
}

const LABELS: Record<PrismaLanguage, PrismaLabels> = {
  en: {
    title: 'PRISMA 2020 flow diagram',
    header: 'Identification of studies via databases and registers',
    identification: 'Identification',
    screening: 'Screening',
    included: 'Included',
    fromDatabases: 'Records identified from databases',
    fromRegisters: 'Records identified from registers',
    removedBeforeScreening: 'Records removed before screening:',
    duplicates: 'Duplicate records removed',
    automation: 'Records marked as ineligible by automation tools',
    otherReasons: 'Records removed for other reasons',
    screened: 'Records screened',
    excluded: 'Records excluded',
    sought: 'Reports sought for retrieval',
    notRetrieved: 'Reports not retrieved',
    assessed: 'Reports assessed for eligibility',
    reportsExcluded: 'Reports excluded',
    noReason: 'No reason recorded',
    studiesIncluded: 'Studies included in review',
    reportsIncluded: 'Reports of included studies',
  },
  id: {
    title: 'Diagram alir PRISMA 2020',
    header: 'Identifikasi studi melalui basis data dan registri',
    identification: 'Identifikasi',
    screening: 'Penyaringan',
    included: 'Disertakan',
    fromDatabases: 'Rekaman yang diidentifikasi dari basis data',
    fromRegisters: 'Rekaman yang diidentifikasi dari registri',
    removedBeforeScreening: 'Rekaman yang dihapus sebelum penyaringan:',
    duplicates: 'Rekaman duplikat yang dihapus',
    automation: 'Rekaman yang ditandai tidak layak oleh perangkat otomatis',
    otherReasons: 'Rekaman yang dihapus karena alasan lain',
    screened: 'Rekaman yang disaring',
    excluded: 'Rekaman yang dikeluarkan',
    sought: 'Laporan yang dicari untuk diperoleh',
    notRetrieved: 'Laporan yang tidak diperoleh',
    assessed: 'Laporan yang dinilai kelayakannya',
    reportsExcluded: 'Laporan yang dikeluarkan',
    noReason: 'Alasan tidak dicatat',
    studiesIncluded: 'Studi yang disertakan dalam tinjauan',
    reportsIncluded: 'Laporan dari studi yang disertakan',
  },
};

export function prismaLabels(language: PrismaLanguage): PrismaLabels {
  return LABELS[language];
}

/** No-break space: keeps "(n = 12)" on one line when box text is wrapped. */
export const GLUE = '\u00a0';

/** "Records screened (n = 1,234)" / "Rekaman yang disaring (n = 1.234)", the count glued together. */
export function withCount(label: string, count: number, language: PrismaLanguage): string {
  const formatted = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB').format(count);
  return `${label} (n${GLUE}=${GLUE}${formatted})`;
}
