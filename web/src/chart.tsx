/** Bar charts with Chart.js: only the parts a bar chart needs are registered, to keep the bundle small. */

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  data: number[];
  color: string;
}

const PALETTE = [
  '#2563eb',
  '#16a34a',
  '#ea580c',
  '#9333ea',
  '#0891b2',
  '#dc2626',
  '#ca8a04',
  '#db2777',
  '#4b5563',
  '#65a30d',
  '#7c3aed',
  '#0d9488',
];

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#4b5563';
}

/** Every month from the first to the last, so gaps show as empty bars: ['2025-01', '2025-02', …]. */
export function monthRange(months: readonly string[]): string[] {
  const valid = months.filter((month) => /^\d{4}-\d{2}$/.test(month)).sort();
  const first = valid[0];
  const last = valid[valid.length - 1];
  if (!first || !last) return [];
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  while (out.length < 600) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    out.push(label);
    if (label >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

export function BarChart({
  labels,
  series,
  stacked = false,
  label,
  height = 260,
}: {
  labels: string[];
  series: Series[];
  stacked?: boolean;
  label: string;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((one) => ({ label: one.label, data: one.data, backgroundColor: one.color })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked },
          y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, stacked]);
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
