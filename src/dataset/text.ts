/** Checks on text, dates and URLs shared by the source schema and the compiled-index schema. */

// HTML tags and entities, Markdown links, emphasis and code: the extension shows text as text,
// so any of these would appear literally (or, worse, tempt someone to render it as HTML).
const MARKUP = /<\/?[a-z!?][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|\[[^\]]*\]\([^)]*\)|\*\*|__|`/i;

export function isPlainText(text: string): boolean {
  return !MARKUP.test(text);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
export function isPartialDate(text: string): boolean {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function isFullDate(text: string): boolean {
  return text.length === 10 && isPartialDate(text);
}

/** The first day a (possibly partial) date covers, as YYYY-MM-DD, so dates compare as strings. */
export function dateStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The form two match names are compared in for duplicates: case, width, diacritics and spacing
 * do not make two names different to a reader.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function wordCount(name: string): number {
  return name.trim().split(/\s+/).length;
}
