/**
 * `npm run bench`: every benchmark in turn, each in its own process (so one's memory does not skew another's).
 * The 10-minute soak is left out unless `--soak` is given; `--quick` shortens the scale runs.
 * Results are printed; BENCHMARKS.md records the figures quoted in the issues.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const quick = args.includes('--quick');

const benches: Array<{ file: string; args: string[] }> = [
  { file: 'bench/retrieval.ts', args: quick ? ['--docs', '1000', '--runs', '1'] : [] },
  { file: 'bench/ledger-store.ts', args: [] },
  { file: 'bench/ledger-updates.ts', args: [] },
  { file: 'bench/dingtalk-adapter.ts', args: [] },
  { file: 'bench/digest.ts', args: [] },
  { file: 'bench/load.ts', args: quick ? ['--duration', '10'] : [] },
  ...(args.includes('--soak') ? [{ file: 'bench/soak.ts', args: [] }] : []),
];

let failed = 0;
for (const b of benches) {
  process.stdout.write(`\n=== ${b.file} ${b.args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', b.file, ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    process.stdout.write(`!!! ${b.file} exited with ${r.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
