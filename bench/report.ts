/** The closing line every bench script prints: one JSON object with its figures. */
export function printFigures(lines: Record<string, string>, figures: Record<string, number>): void {
  for (const [label, value] of Object.entries(lines)) console.log(`${label.padEnd(34)} ${value}`);
  console.log(JSON.stringify(figures));
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
