import { t } from '@lingui/core/macro';

/** Words for the codes the API uses, in the current language. Functions, so they follow a language switch. */
export function roleLabel(role: string): string {
  switch (role) {
    case 'mother':
      return t`Ibu`;
    case 'companion':
      return t`Pendamping`;
    case 'midwife':
      return t`Bidan/perawat`;
    case 'cadre':
      return t`Kader`;
    case 'facility_admin':
      return t`Admin fasilitas`;
    case 'researcher':
      return t`Peneliti`;
    case 'system_admin':
      return t`Admin sistem`;
    default:
      return role;
  }
}

export function relationshipLabel(relationship: string): string {
  switch (relationship) {
    case 'husband':
      return t`Suami`;
    case 'family':
      return t`Keluarga`;
    case 'cadre':
      return t`Kader`;
    default:
      return t`Lainnya`;
  }
}

export function accountStatusLabel(status: string): string {
  switch (status) {
    case 'active':
      return t`Aktif`;
    case 'pending':
      return t`Belum aktivasi`;
    case 'disabled':
      return t`Nonaktif`;
    default:
      return t`Tanpa akun`;
  }
}

export function sexLabel(sex: string): string {
  return sex === 'female' ? t`Perempuan` : sex === 'male' ? t`Laki-laki` : t`Belum diisi`;
}

export function deliveryModeLabel(mode: string | null): string {
  return mode === 'vaginal' ? t`Normal (pervaginam)` : mode === 'caesarean' ? t`Sesar` : '–';
}

export function parityLabel(parity: string | null): string {
  return parity === 'primipara'
    ? t`Anak pertama (primipara)`
    : parity === 'multipara'
      ? t`Bukan anak pertama (multipara)`
      : '–';
}

export function dayLabel(day: number | null): string {
  return day === null ? '–' : t`Hari ke-${day}`;
}
