/** How far into an HTML body a `<meta charset>` is looked for. */
const META_SCAN_BYTES = 16 * 1024;

/**
 * The WHATWG name of an encoding label (`GB2312` → `gbk`, `utf8` → `utf-8`), or undefined when Node's
 * TextDecoder does not know it. GBK is reported as gb18030, the superset that decodes it.
 */
export function normalizeCharset(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type value: `text/html; charset="GBK"` → `GBK`. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

/** The media type of a Content-Type value, lower-cased: `Text/HTML; charset=gbk` → `text/html`. */
export function mediaType(contentType: string | null | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

/** The charset an HTML head declares in `<meta charset>`, `<meta http-equiv content>` or an XML declaration. */
export function charsetFromHtml(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES)).toString(
    'latin1',
  );
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1];
}
