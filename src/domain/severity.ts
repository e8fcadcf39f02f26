/** How grave a risk event is, least first. */
export type Severity = 'low' | 'medium' | 'high';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** Whether a severity is at least another (an event without one is at least nothing). */
export function atLeast(severity: Severity | null | undefined, minimum: Severity): boolean {
  return severity !== null && severity !== undefined && rank(severity) >= rank(minimum);
}

/** The graver of two severities. */
export function graver(a: Severity, b: Severity): Severity {
  return rank(b) > rank(a) ? b : a;
}

/** The severities from a minimum up: those an alert query at that minimum includes. */
export function severitiesFrom(minimum: Severity): Severity[] {
  return SEVERITIES.slice(rank(minimum));
}
