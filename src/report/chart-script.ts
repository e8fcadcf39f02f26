import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ChartScript {
  path: string;
  source: string;
}

let cached: ChartScript | null = null;

/** Chart.js's UMD build, ready to be inlined in a `<script>` element. */
export function chartScript(): ChartScript {
  if (cached) return cached;
  // The package's exports map hides dist/chart.umd.min.js; its CommonJS entry sits next to it.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  const path = join(dirname(entry), 'chart.umd.min.js');
  const source = readFileSync(path, 'utf8')
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
  cached = { path, source };
  return cached;
}
