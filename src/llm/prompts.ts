/** Prompts live as files in prompts/ — never inline. `{{name}}` placeholders are filled here. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROMPT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prompts');
const cache = new Map<string, string>();

export function loadPrompt(name: string, vars: Record<string, string> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(PROMPT_DIR, `${name}.md`), 'utf8');
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => (key in vars ? (vars[key] as string) : m));
}
