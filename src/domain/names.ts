/** How a company is registered, not which company it is, as Chinese names end; longest first. */
export const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '公司'] as const;

/** Words written after a group's name (某某集团公司, 某某控股集团): lenient comparisons may drop them too. */
export const GROUP_WORDS = ['集团公司', '控股集团', '集团'] as const;

const CHINESE_FORM = new RegExp(`(${LEGAL_FORMS.join('|')})$`, 'u');
/** A Latin legal form, after a separator so that a name's own last word stays: 某某 Group Co., Ltd. */
const LATIN_FORM =
  /(?:[,，]\s*|\s+)(?:co\.?,?\s*)?(?:company\s+)?(?:ltd\.?|limited|inc\.?|corp\.?|corporation|gmbh|ag|s\.a\.|plc)$/iu;

/** A name without its legal forms (有限公司, Co., Ltd.), as long as two characters are left. */
export function withoutLegalForm(name: string): string {
  let current = name;
  for (;;) {
    const stripped = current.replace(CHINESE_FORM, '').replace(LATIN_FORM, '');
    if (stripped === current || stripped.trim().length < 2) return current;
    current = stripped.trimEnd();
  }
}

/** An ending made of the legal forms and group words, for a comparison that allows both (`eval`'s). */
export const LEGAL_OR_GROUP_ENDING = new RegExp(`(${[...LEGAL_FORMS, ...GROUP_WORDS].join('|')})$`, 'u');
