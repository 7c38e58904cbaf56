import type { ScreeningStatusOutput } from '@lancar/contracts';
import { t } from '@lingui/core/macro';

export function statusLabel(status: ScreeningStatusOutput | 'duplicate'): string {
  switch (status) {
    case 'unscreened':
      return t`Belum disaring`;
    case 'awaiting_second':
      return t`Menunggu penelaah kedua`;
    case 'agreed_include':
      return t`Disertakan (sepakat)`;
    case 'agreed_exclude':
      return t`Dikeluarkan (sepakat)`;
    case 'conflict':
      return t`Konflik`;
    case 'resolved_include':
      return t`Disertakan (resolusi)`;
    case 'resolved_exclude':
      return t`Dikeluarkan (resolusi)`;
    case 'duplicate':
      return t`Duplikat`;
  }
}

export function choiceLabel(choice: 'include' | 'exclude' | 'maybe'): string {
  switch (choice) {
    case 'include':
      return t`Sertakan`;
    case 'exclude':
      return t`Keluarkan`;
    case 'maybe':
      return t`Mungkin`;
  }
}

export const DESIGNS = ['rct', 'non-randomised', 'randomisation-not-stated', 'case-study', 'not-reported'] as const;
export type Design = (typeof DESIGNS)[number];

export function designLabel(design: string): string {
  switch (design) {
    case 'rct':
      return t`Uji acak terkendali`;
    case 'non-randomised':
      return t`Tanpa pengacakan (kuasi-eksperimen)`;
    case 'randomisation-not-stated':
      return t`Pengacakan tidak disebut`;
    case 'case-study':
      return t`Studi kasus`;
    case 'not-reported':
      return t`Tidak dilaporkan`;
    case 'alone':
      return t`Pijat oksitosin saja`;
    case 'combined':
      return t`Pijat oksitosin dikombinasi`;
    default:
      return design;
  }
}

export const PROVIDERS = ['midwife', 'nurse', 'husband', 'family', 'cadre', 'device', 'not-reported'] as const;

export function providerLabel(provider: (typeof PROVIDERS)[number]): string {
  switch (provider) {
    case 'midwife':
      return t`Bidan`;
    case 'nurse':
      return t`Perawat`;
    case 'husband':
      return t`Suami`;
    case 'family':
      return t`Keluarga`;
    case 'cadre':
      return t`Kader`;
    case 'device':
      return t`Alat`;
    case 'not-reported':
      return t`Tidak dilaporkan`;
  }
}

export const CO_INTERVENTIONS = [
  'breast-care',
  'marmet',
  'hypnobreastfeeding',
  'early-breastfeeding-initiation',
  'music',
  'early-mobilisation',
  'cumin-seed-laddoo',
  'breast-massage',
  'placebo-touch',
  'standard-care',
  'training',
] as const;
export type CoIntervention = (typeof CO_INTERVENTIONS)[number];
