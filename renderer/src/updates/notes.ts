/** One block of a changelog section as the "O que mudou" dialog shows it: plain text, never HTML. */
export interface NoteBlock {
  kind: 'heading' | 'item' | 'text';
  text: string;
}

/**
 * The little Markdown the CHANGELOG uses: `###` headings, `-`/`*` bullets wrapped over several lines,
 * paragraphs; `**`/`__` emphasis marks and backticks are dropped.
 */
export function noteBlocks(markdown: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  let current: NoteBlock | null = null;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim().replace(/\*\*|__|`/g, '');
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    if (!line) current = null;
    else if (heading) {
      blocks.push({ kind: 'heading', text: heading[1]! });
      current = null;
    } else if (bullet) {
      current = { kind: 'item', text: bullet[1]! };
      blocks.push(current);
    } else if (current) current.text += ` ${line}`;
    else {
      current = { kind: 'text', text: line };
      blocks.push(current);
    }
  }
  return blocks;
}
