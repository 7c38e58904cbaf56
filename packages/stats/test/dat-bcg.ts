// metafor's dat.bcg (Colditz et al. 1994): BCG vaccine trials, tuberculosis cases in the vaccinated (group 1)
// and unvaccinated (group 2) arms.
import type { BinaryStudy } from '../src/meta-effect-sizes.ts';

export const bcg: BinaryStudy[] = [
  { events1: 4, n1: 123, events2: 11, n2: 139 }, // Aronson 1948
  { events1: 6, n1: 306, events2: 29, n2: 303 }, // Ferguson & Simes 1949
  { events1: 3, n1: 231, events2: 11, n2: 220 }, // Rosenthal et al 1960
  { events1: 62, n1: 13598, events2: 248, n2: 12867 }, // Hart & Sutherland 1977
  { events1: 33, n1: 5069, events2: 47, n2: 5808 }, // Frimodt-Moller et al 1973
  { events1: 180, n1: 1541, events2: 372, n2: 1451 }, // Stein & Aronson 1953
  { events1: 8, n1: 2545, events2: 10, n2: 629 }, // Vandiviere et al 1973
  { events1: 505, n1: 88391, events2: 499, n2: 88391 }, // TPT Madras 1980
  { events1: 29, n1: 7499, events2: 45, n2: 7277 }, // Coetzee & Berjak 1968
  { events1: 17, n1: 1716, events2: 65, n2: 1665 }, // Rosenthal et al 1961
  { events1: 186, n1: 50634, events2: 141, n2: 27338 }, // Comstock et al 1974
  { events1: 5, n1: 2498, events2: 3, n2: 2341 }, // Comstock & Webster 1969
  { events1: 27, n1: 16913, events2: 29, n2: 17854 }, // Comstock et al 1976
];
