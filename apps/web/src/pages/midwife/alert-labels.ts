import { dangerSignById } from '@lancar/content';
import { alertRuleBySign } from '@lancar/domain';
import { t } from '@lingui/core/macro';
import { locale } from '../../i18n/i18n.ts';

/** What an alert is about: the danger sign's label from the content, or the alert rule's own label. */
export function alertSignLabel(signId: string): string {
  const sign = dangerSignById(signId);
  if (sign) return sign.label[locale.value];
  const rule = alertRuleBySign(signId);
  return rule?.label ? rule.label[locale.value] : signId;
}

export function severityLabel(severity: 'immediate' | 'soon'): string {
  return severity === 'immediate' ? t`Segera` : t`Sesegera mungkin`;
}

export function taskStateLabel(state: string): string {
  switch (state) {
    case 'open':
      return t`Baru`;
    case 'acknowledged':
      return t`Sudah dilihat`;
    case 'acted':
      return t`Sudah ditindak`;
    case 'closed':
      return t`Selesai`;
    default:
      return state;
  }
}

export const ACTIONS_TAKEN = ['phoned', 'home_visit', 'facility_visit', 'referred', 'advised', 'other'] as const;
export const OUTCOMES = ['resolved', 'referred', 'improving', 'no_problem_found', 'other'] as const;

export function actionTakenLabel(action: string): string {
  switch (action) {
    case 'phoned':
      return t`Menelepon keluarga`;
    case 'home_visit':
      return t`Kunjungan rumah`;
    case 'facility_visit':
      return t`Ibu/bayi datang ke fasilitas`;
    case 'referred':
      return t`Dirujuk`;
    case 'advised':
      return t`Memberi nasihat`;
    default:
      return t`Lainnya`;
  }
}

export function outcomeLabel(outcome: string): string {
  switch (outcome) {
    case 'resolved':
      return t`Teratasi`;
    case 'referred':
      return t`Dirujuk`;
    case 'improving':
      return t`Membaik`;
    case 'no_problem_found':
      return t`Tidak ditemukan masalah`;
    default:
      return t`Lainnya`;
  }
}

export function adequacyLabel(result: string | null): string {
  switch (result) {
    case 'adequate':
      return t`ASI cukup`;
    case 'not_adequate':
      return t`ASI belum cukup`;
    case 'incomplete':
      return t`Ceklis belum lengkap`;
    default:
      return t`Belum ada ceklis`;
  }
}

/** "3 jam lalu", "2 hari lalu": how long ago, for the last sync. */
export function agoLabel(iso: string | null, now: Date = new Date()): string {
  if (!iso) return t`belum pernah`;
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  if (minutes < 60) return t`${minutes} menit lalu`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t`${hours} jam lalu`;
  const days = Math.round(hours / 24);
  return t`${days} hari lalu`;
}
