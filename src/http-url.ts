/**
 * Parses an address the reader or a dataset gave: http(s) with a host only (no `javascript:`,
 * `file:` or `data:`), surrounding white space ignored, and any user name or password dropped
 * so a pasted link never carries someone's credentials further. Undefined for anything else.
 */
export function parseHttpUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    return undefined;
  }
  url.username = '';
  url.password = '';
  return url;
}
