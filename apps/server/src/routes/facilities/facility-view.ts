import type { Facility as FacilityView } from '@lancar/contracts';
import type { Facility } from '@lancar/db';

export function facilityView(facility: Facility): FacilityView {
  return {
    id: facility.id,
    name: facility.name,
    kind: facility.kind,
    district: facility.district,
    province: facility.province,
    phone: facility.phone,
    isDemo: facility.is_demo,
  };
}
