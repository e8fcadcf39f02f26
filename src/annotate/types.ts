/** A span of the clean text: [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Token extends Span {
  /** jieba's part-of-speech tag (n, v, ns, nt, nz, x, m, …). */
  pos: string;
}

export type OrgType = 'company' | 'government' | 'association' | 'research' | 'media' | 'other';

export interface OrgMention extends Span {
  label: 'org';
  orgType: OrgType;
  /**
   * How it was found: by its ending, quoted, from a stated abbreviation, as a later mention of a known name, from
   * the lexicon of well-known organizations or the name lists, as a Latin-script name, as an item of a list of
   * organizations, as a place acting as a party (某市与…签约), or by the tagger.
   */
  source:
    | 'suffix'
    | 'quoted'
    | 'abbreviation'
    | 'known'
    | 'lexicon'
    | 'listed'
    | 'latin'
    | 'list'
    | 'actor'
    | 'model';
  /** Found by a form that is also an ordinary word (理想, 大众): a mention only where the tagger agrees. */
  needsSupport?: boolean;
}

export interface PlaceMention extends Span {
  label: 'place';
  level: 'province' | 'city' | 'district' | 'region' | 'country';
}

export interface DateMention extends Span {
  label: 'date';
  /** `YYYY-MM-DD`, `YYYY-MM`, or null when the year or month cannot be known from the article. */
  value: string | null;
}

export interface MoneyMention extends Span {
  label: 'money';
  /** Amount in yuan (or the stated currency unit), when it can be computed. */
  amount: number | null;
  currency: string;
}

export interface PersonMention extends Span {
  label: 'person';
  /** The title as written before the name (or in brackets after it), null when none is written. */
  title: string | null;
  titleSpan: Span | null;
  /** The organization written at the head of the title (吉利控股集团资深副总裁), when it is one. */
  org: OrgMention | null;
}

export type Mention = OrgMention | PlaceMention | DateMention | MoneyMention | PersonMention;

export interface Sentence extends Span {
  index: number;
  /** The paragraph (line of the clean text) it stands in. */
  paragraph: number;
}

/** A document after annotation: the clean text and everything found in it, all by offsets into the text. */
export interface Annotated {
  text: string;
  published: string | null;
  sentences: Sentence[];
  tokens: Token[];
  orgs: OrgMention[];
  people: PersonMention[];
  places: PlaceMention[];
  dates: DateMention[];
  money: MoneyMention[];
  /** Short forms stated or inferred in the text (简称, 以下简称, later mentions), mapped to the full name. */
  aliases: Map<string, string>;
}
