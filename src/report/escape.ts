// C0 controls other than tab, line feed and carriage return, and DEL: not allowed in HTML text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Text safe in Markdown prose and table cells: on one line, `|` and inline markup escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/[\\|*_`[\]<>&]/g, (char) => `\\${char}`)
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
}

/** JSON that cannot end or comment out the `<script>` element it is written into. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
