import { DEMO, type EnrolledHousehold, enrolHousehold, type TestServer } from '@lancar/server/testing';

export type Household = EnrolledHousehold;

/** A new household for a journey, enrolled by the demo midwife and activated, delivered this many hours ago. */
export async function createHousehold(server: TestServer, deliveredHoursAgo: number): Promise<Household> {
  return enrolHousehold(await server.loginAs(DEMO.midwife), { deliveredHoursAgo });
}
