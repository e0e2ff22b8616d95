/** An order number as people type it ("A-042", "a 42", "42"): the terminal's letter, if given, and the number. */
export function parseOrderNumber(text: string): { letter: string | null; number: number } | null {
  const match = /^(?:([A-Za-z])\s*-?\s*)?(\d{1,4})$/.exec(text.trim());
  return match ? { letter: match[1]?.toUpperCase() ?? null, number: Number(match[2]) } : null;
}
