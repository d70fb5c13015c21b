/** Command-line flags and a seeded PRNG shared by the benchmarks. */

const argv = process.argv.slice(2);

/** `--name 123` → 123, else the default. */
export function numArg(name: string, dflt: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
}

/** `--name a,b` → the raw string, else undefined. */
export function strArg(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** `--name` present? */
export function flag(name: string): boolean {
  return argv.includes(`--${name}`);
}

/** mulberry32: small, fast, seeded — benchmarks must be repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
