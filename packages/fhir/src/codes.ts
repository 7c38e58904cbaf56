import type { ContentLabels } from './types.ts';

/** Code systems and identifier systems used by the mapping (see docs/decisions/0010-fhir-export.md). */
export const SYSTEM = {
  nik: 'https://fhir.kemkes.go.id/id/nik',
  kemkesClinicalTerm: 'http://terminology.kemkes.go.id/CodeSystem/clinical-term',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  lancar: 'https://lancar.id/fhir/CodeSystem/lancar',
  lancarConceptMap: 'https://lancar.id/fhir/ConceptMap/lancar-to-standard',
  lancarMotherId: 'https://lancar.id/fhir/sid/mother',
  lancarPseudonym: 'https://lancar.id/fhir/sid/pseudonym',
  lancarQuizQuestionnaire: 'https://lancar.id/fhir/Questionnaire/companion-quiz',
  lancarAdequacyQuestionnaire: 'https://lancar.id/fhir/Questionnaire/adequacy-checklist',
  v3RoleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  v3ActCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
} as const;

export const LANCAR_CODE_SYSTEM_VERSION = '1';

/** Fixed ids of the terminology resources carried in every bundle. */
export const CODE_SYSTEM_ID = '0190a9c0-0000-7000-8000-00000000c0de';
export const CONCEPT_MAP_ID = '0190a9c0-0000-7000-8000-00000000c0df';

/** Codes Lancar defines because no LOINC, SNOMED CT or Kemkes code was found (evidence file, section 8.3). */
export const LANCAR_CONCEPTS: Record<string, string> = {
  'oxytocin-massage': 'Pijat oksitosin (oxytocin massage)',
  'massage-response': 'Respons ibu terhadap pijat oksitosin (comfort, pain, let-down)',
  'massage-comfort': 'Kenyamanan ibu saat pijat, 1-5',
  'massage-pain': 'Nyeri saat pijat, 0-10',
  'milk-let-down': 'Ibu merasakan ASI mengalir (let-down) saat pijat',
  'stopped-early': 'Dihentikan lebih awal oleh pendamping',
  'stopped-safety': 'Dihentikan oleh pemeriksaan keamanan',
  'breastfeed-episode': 'Menyusui (satu kali)',
  'breast-side': 'Payudara yang disusukan',
  'side-left': 'Kiri',
  'side-right': 'Kanan',
  'side-both': 'Keduanya',
  'expressed-milk-volume': 'Volume ASI perah',
  'expressed-milk-left': 'Volume ASI perah, payudara kiri',
  'expressed-milk-right': 'Volume ASI perah, payudara kanan',
  'nappy-change': 'Ganti popok',
  'nappy-wet': 'Popok basah (BAK)',
  'nappy-dirty': 'Popok kotor (BAB)',
  'stool-colour': 'Warna tinja',
  'stool-meconium': 'Mekonium (hitam-hijau, lengket)',
  'stool-green-brown': 'Hijau kecokelatan',
  'stool-yellow': 'Kuning',
  'stool-pale': 'Pucat',
  'stool-other': 'Warna lain',
  'birth-weight': 'Berat badan lahir',
  'birth-details': 'Persalinan (cara, paritas, usia kehamilan)',
  'delivery-mode': 'Cara persalinan',
  'delivery-vaginal': 'Pervaginam',
  'delivery-caesarean': 'Sesar',
  parity: 'Paritas',
  primipara: 'Primipara',
  multipara: 'Multipara',
  'gestational-age': 'Usia kehamilan saat lahir',
  'mother-state': 'Keadaan ibu (laporan sendiri)',
  'stress-score': 'Rasa tertekan/cemas, 0-10',
  'sleep-hours': 'Lama tidur dalam 24 jam',
  'breast-comfort': 'Kondisi payudara menurut ibu',
  'breast-normal': 'Normal',
  'breast-soft': 'Lembek',
  'breast-full': 'Penuh',
  'breast-engorged': 'Bengkak',
  'breast-red-painful': 'Merah dan nyeri',
  'fever-reported': 'Ibu merasa demam',
  'blood-pressure': 'Tekanan darah',
  'systolic-bp': 'Tekanan darah sistolik',
  'diastolic-bp': 'Tekanan darah diastolik',
  'jaundice-seen': 'Bayi tampak kuning (pemeriksaan bidan)',
  'adequacy-result': 'Hasil daftar tilik kecukupan ASI',
  'adequacy-day-of-life': 'Hari ke- (umur bayi)',
  adequate: 'Cukup',
  'not-adequate': 'Belum cukup',
  incomplete: 'Belum lengkap',
  'danger-report': 'Laporan tanda bahaya',
  'quiz-pre': 'Pre-test pendamping',
  'quiz-post': 'Post-test pendamping',
  cadre: 'Kader posyandu',
  'companion-other': 'Pendamping lain',
  'consent-care': 'Persetujuan pelayanan (pencatatan dan pemantauan oleh Lancar)',
  'consent-research': 'Persetujuan penelitian (data tersamar)',
  KF1: 'Kunjungan nifas 1 (6-48 jam)',
  KF2: 'Kunjungan nifas 2 (hari 3-7)',
  KF3: 'Kunjungan nifas 3 (hari 8-28)',
  KF4: 'Kunjungan nifas 4 (hari 29-42)',
  'visit-other': 'Kunjungan lain',
};

export const adequacyItemCode = (itemId: string): string => `adequacy-item-${itemId}`;
export const dangerSignCode = (signId: string): string => `danger-${signId}`;

export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** A coding in the Lancar CodeSystem; the display comes from the concept list when it has one. */
export function lancar(code: string, display?: string): Coding {
  const known = display ?? LANCAR_CONCEPTS[code];
  return known === undefined ? { system: SYSTEM.lancar, code } : { system: SYSTEM.lancar, code, display: known };
}

/** Every concept of the Lancar CodeSystem: the fixed ones plus the content-defined checklist items and danger signs. */
export function lancarConcepts(labels: ContentLabels): { code: string; display: string }[] {
  return [
    ...Object.entries(LANCAR_CONCEPTS).map(([code, display]) => ({ code, display })),
    ...labels.adequacyItems.map((i) => ({ code: adequacyItemCode(i.id), display: i.display })),
    ...labels.dangerSigns.map((s) => ({ code: dangerSignCode(s.id), display: s.display })),
  ];
}

/**
 * Where a Lancar code relates to a standard one (evidence file, section 8.2/8.3). Equivalence reads "the target is
 * ... than the source": the Kemkes "Produksi ASI" and the LOINC breastfeeding status are wider than a volume or a
 * single feed.
 */
export const CONCEPT_MAP_ELEMENTS: {
  source: string;
  targetSystem: string;
  target: string;
  display: string;
  equivalence: 'wider' | 'equivalent' | 'relatedto';
  comment?: string;
}[] = [
  {
    source: 'expressed-milk-volume',
    targetSystem: SYSTEM.kemkesClinicalTerm,
    target: 'OC000017',
    display: 'Produksi ASI',
    equivalence: 'wider',
    comment: 'Kemkes records milk production as coded values (OV000016-OV000018), not as a volume.',
  },
  {
    source: 'breastfeed-episode',
    targetSystem: SYSTEM.loinc,
    target: '63895-7',
    display: 'Breastfeeding status',
    equivalence: 'wider',
  },
  {
    source: 'adequacy-result',
    targetSystem: SYSTEM.kemkesClinicalTerm,
    target: 'OC000017',
    display: 'Produksi ASI',
    equivalence: 'relatedto',
    comment: 'A Lancar checklist result; there is no national scoring sheet.',
  },
  {
    source: 'breast-comfort',
    targetSystem: SYSTEM.kemkesClinicalTerm,
    target: 'OC000024',
    display: 'Kondisi Payudara',
    equivalence: 'relatedto',
    comment: 'Reported by the mother, not examined.',
  },
];
