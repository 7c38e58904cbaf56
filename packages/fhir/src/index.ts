// FHIR R4 mapping of Lancar records: pure functions from plain data to FHIR resources, no I/O.
export * from './build.ts';
export * from './codes.ts';
export * from './types.ts';
