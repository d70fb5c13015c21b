/** Expand paths given to ingestion: files as they are, directories walked (hidden entries skipped). */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface WalkedPath {
  path: string;
  /** Set when the path could not be read at all. */
  error?: string;
}

async function walkDir(dir: string, out: WalkedPath[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walkDir(p, out);
    else if (e.isFile()) out.push({ path: p });
  }
}

export async function expandPaths(paths: string[]): Promise<WalkedPath[]> {
  const out: WalkedPath[] = [];
  for (const p of paths) {
    try {
      const st = await fs.stat(p);
      if (st.isDirectory()) await walkDir(p, out);
      else out.push({ path: p });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.push({
        path: p,
        error: code === 'ENOENT' ? '路径不存在 (no such file or directory)' : `无法读取 (cannot read): ${String(err)}`,
      });
    }
  }
  // The same file named twice (or inside a named directory) is ingested once.
  const seen = new Set<string>();
  return out.filter((w) => {
    const key = path.resolve(w.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Files (recursively, hidden skipped) of a directory; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: WalkedPath[] = [];
  try {
    await walkDir(dir, out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return out.map((w) => w.path);
}
