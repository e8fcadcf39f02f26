const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** The text without the characters XML 1.0 forbids (most control characters), which strict parsers reject. */
export function xmlChars(text: string): string {
  let safe = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
    ) {
      safe += char;
    }
  }
  return safe;
}

/** Text safe inside XML 1.0 content and attributes: forbidden characters dropped, markup characters escaped. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (char) => XML_ESCAPES[char] as string);
}
