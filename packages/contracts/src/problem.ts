/** RFC 9457 problem details, as every API error is returned. Plain types: the phone imports these. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Per-field messages for invalid input. */
  errors?: { path: string; message: string }[];
  /** When a locked login may try again (ISO time). */
  retryAt?: string;
  /** Records that may be the same mother (problem types nik-exists and possible-duplicate). */
  candidates?: {
    id: string;
    fullName: string;
    village: string | null;
    dateOfBirth: string | null;
    deliveredAt: string | null;
    match: 'nik' | 'name-and-birth-date';
  }[];
}

export const PROBLEM_TYPE_BASE = 'https://lancar.id/problems/';
