import { OUTCOME_MEASURES, type OutcomeMeasure } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { locale } from '../../../i18n/i18n.ts';

/** A bilingual text from the server, in the language the person chose. */
export const bi = (text: { id: string; en: string } | null | undefined): string => (text ? text[locale.value] : '–');

export function designLabel(design: string): string {
  switch (design) {
    case 'pre_post':
      return t`Pra-pasca satu kelompok`;
    case 'two_group_nonrandomised':
      return t`Dua kelompok, tidak diacak`;
    case 'randomised':
      return t`Acak terkontrol (alokasi tersembunyi)`;
    default:
      return design;
  }
}

export function statusLabel(status: string): string {
  switch (status) {
    case 'draft':
      return t`Draf`;
    case 'recruiting':
      return t`Merekrut`;
    case 'closed':
      return t`Ditutup`;
    default:
      return status;
  }
}

export const MEASURES = Object.keys(OUTCOME_MEASURES) as OutcomeMeasure[];
export const measureLabel = (measure: OutcomeMeasure) => bi(OUTCOME_MEASURES[measure].label);
export const measureTiming = (measure: OutcomeMeasure) => OUTCOME_MEASURES[measure].timing;
