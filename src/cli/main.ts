import { Command } from 'commander';
import { registerAlerts } from './commands/alerts.js';
import { registerChain } from './commands/chain.js';
import { registerClean } from './commands/clean.js';
import { registerDemo } from './commands/demo.js';
import { registerDiagnose } from './commands/diagnose.js';
import { registerDocs } from './commands/docs.js';
import { registerEntities } from './commands/entities.js';
import { registerEval } from './commands/eval.js';
import { registerEvents } from './commands/events.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerGraph } from './commands/graph.js';
import { registerIngest } from './commands/ingest.js';
import { registerNer } from './commands/ner.js';
import { registerReprocess } from './commands/reprocess.js';
import { registerResolve } from './commands/resolve.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { addDataOption } from './resources-option.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('liantu')
    .description('Liantu 链图 — industry-chain intelligence from Chinese NEV and green-energy news')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)');
  addDataOption(program);
  registerIngest(program);
  registerClean(program);
  registerDocs(program);
  registerShow(program);
  registerSearch(program);
  registerExtract(program);
  registerEvents(program);
  registerResolve(program);
  registerReprocess(program);
  registerEntities(program);
  registerGraph(program);
  registerChain(program);
  registerExport(program);
  registerDiagnose(program);
  registerAlerts(program);
  registerNer(program);
  registerEval(program);
  registerServe(program);
  registerDemo(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // Output piped into `head` and closed early is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) await main(process.argv);
