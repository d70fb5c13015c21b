/** Prompts live as files in prompts/ — never inline. `{{name}}` placeholders are filled here. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** prompts/ at the project root: two levels up from src/llm, three from the built dist/src/llm. */
const here = path.dirname(fileURLToPath(import.meta.url));
const PROMPT_DIR =
  ['../../prompts', '../../../prompts'].map((p) => path.resolve(here, p)).find((d) => fs.existsSync(d)) ??
  path.resolve(here, '../../prompts');
const cache = new Map<string, string>();

export function loadPrompt(name: string, vars: Record<string, string> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(PROMPT_DIR, `${name}.md`), 'utf8');
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => (key in vars ? (vars[key] as string) : m));
}
