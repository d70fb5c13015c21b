/** Markdown → plain text lines; the first `#` heading is the title hint. */

export function markdownToText(md: string): { text: string; title: string | null } {
  let body = md.replace(/^\uFEFF/, '').replace(/^---\n[\s\S]*?\n---\n/, '');
  const title = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1] ?? null;
  body = body
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/, '$1')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s*[-*+]\s+(?:\[[ xX]\]\s+)?/, '')
        .replace(/^\s*(?:[-*_]\s*){3,}$/, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)/g, '$1')
        .replace(/`([^`]+)`/g, '$1')
        .replace(/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/, '')
        .replace(/^\s*\|(.*)\|\s*$/, (_m, cells: string) =>
          cells
            .split('|')
            .map((c) => c.trim())
            .join(' '),
        ),
    )
    .join('\n');
  return { text: body, title };
}
