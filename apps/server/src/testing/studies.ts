import { newId } from '@lancar/domain';

/** The body of a valid `POST /api/studies`: a pre-post study of expressed milk, day 2 against day 3. */
export function prePostStudyRequest(title: string, facilityId: string) {
  return {
    definition: {
      id: newId(),
      title,
      design: 'pre_post',
      arms: [],
      outcomes: [{ measure: 'expressed_milk_volume', day: 3, primary: true }],
      timePoints: [
        { role: 'pre', day: 2 },
        { role: 'post', day: 3 },
      ],
      facilityIds: [facilityId],
      eligibility: {
        deliveryModes: ['vaginal', 'caesarean'],
        parities: ['primipara', 'multipara'],
        gestationalAgeWeeks: null,
        enrolmentDays: { from: 1, to: 2 },
      },
      allocation: null,
    },
  };
}
