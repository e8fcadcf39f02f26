import type { Annotated, PersonMention, Sentence } from '../annotate/types.js';
import type { EventLexicon } from './lexicon.js';
import type { OrgNames } from './names.js';
import { type EventPerson, type BusinessEventType as EventType, ROLES, type Role } from './types.js';

/** A speech counts for an event when it is near the event's report or says it was given there. */
const AT_THE_EVENT = /(会上|仪式上|活动上|会议上|论坛上|大会上|本次|此次|现场)/u;
/** Paragraphs after the event's report in which a speech still belongs to it. */
const NEAR_PARAGRAPHS = 5;
const PRONOUN_SPEECH =
  /^(他|她)(还|也|则|进一步|同时)?(在[^，。]{0,10}中)?(表示|认为|指出|强调|说|介绍|坦言|透露)/u;
const WHOLE_ARTICLE_OCCASIONS = new Set<EventType>(['meeting', 'alliance_founded']);
const NOT_PEOPLE = /(记者|通讯员|编辑|责编|摄影|摄)\s*$/u;

interface Mark {
  index: number;
  end: number;
  role: Role | null;
}

/** Role verbs and object-taking verbs (会见, 邀请到) of a sentence, in order. */
function marksIn(text: string, lexicon: EventLexicon): Mark[] {
  const marks: Mark[] = [];
  for (const role of ROLES) {
    const pattern = lexicon.roles.get(role);
    if (!pattern) continue;
    for (const match of text.matchAll(new RegExp(pattern.source, 'gu'))) {
      marks.push({ index: match.index ?? 0, end: (match.index ?? 0) + match[0].length, role });
    }
  }
  for (const match of text.matchAll(new RegExp(lexicon.roleBarriers.source, 'gu'))) {
    marks.push({ index: match.index ?? 0, end: (match.index ?? 0) + match[0].length, role: null });
  }
  return marks.sort((a, b) => a.index - b.index);
}

const strongest = (roles: Role[]): Role | null =>
  roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0] ?? null;

/**
 * Roles of the people a sentence names. People listed together (A、B、C等出席) share the verbs after the list; a
 * person right after 会见 or 邀请到 is its object and takes no role from a verb joined to the subject by 并
 * (景俊海会见张雷并见证…: the witness is 景俊海). A speech counts only when the verb follows the name closely and
 * the sentence is near the event's report or says it was given there.
 */
export function rolesIn(
  sentence: Sentence,
  people: readonly PersonMention[],
  lexicon: EventLexicon,
  nearEvent: boolean,
): Map<PersonMention, Role> {
  const text = sentence.text;
  const marks = marksIn(text, lexicon);
  const inSentence = people
    .filter((person) => person.start >= sentence.start && person.end <= sentence.end)
    .sort((a, b) => a.start - b.start);
  const groups: PersonMention[][] = [];
  for (const person of inSentence) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    const between = last
      ? marks.some(
          (mark) => mark.index >= last.end - sentence.start && mark.end <= person.start - sentence.start,
        )
      : true;
    if (group && !between) group.push(person);
    else groups.push([person]);
  }
  const roles = new Map<PersonMention, Role>();
  groups.forEach((group, g) => {
    const from = (group[group.length - 1] as PersonMention).end - sentence.start;
    const firstStart = (group[0] as PersonMention).start - sentence.start;
    const nextStart = groups[g + 1]
      ? ((groups[g + 1] as PersonMention[])[0] as PersonMention).start - sentence.start
      : text.length;
    const previousMark = marks.filter((mark) => mark.end <= firstStart).pop();
    const isObject =
      previousMark?.role === null && !/[，,；]/u.test(text.slice(previousMark.end, firstStart));
    let region = marks.filter((mark) => mark.index >= from && mark.index < nextStart);
    // A subject whose verb takes an object (会见张雷) continues after it: …并见证.
    if (region.length > 0 && region.every((mark) => mark.role === null) && groups[g + 1]) {
      const after = ((groups[g + 1] as PersonMention[]).at(-1) as PersonMention).end - sentence.start;
      region = [...region, ...marks.filter((mark) => mark.index >= after)];
    }
    const found: Role[] = [];
    for (const mark of region) {
      if (!mark.role) continue;
      if (isObject && /并\s*$/u.test(text.slice(Math.max(0, mark.index - 2), mark.index))) continue;
      // 某某宣布，甲已与乙签署了…: a signing told in another clause is not theirs to sign.
      if (
        mark.role === 'signatory' &&
        /[，,；]/u.test(text.slice(from, mark.index)) &&
        /(宣布|表示|称)/u.test(text.slice(from, mark.index))
      )
        continue;
      if (mark.role === 'speaker') {
        const close = mark.index - from <= 40 && !/[，,；。]/u.test(text.slice(from, mark.index));
        if (!close || !(nearEvent || AT_THE_EVENT.test(text))) continue;
      }
      found.push(mark.role);
    }
    // The person met (会见某某) was there, whatever else the sentence says of the one who met them.
    const role = strongest(found) ?? (isObject ? 'attendee' : null);
    if (role) for (const person of group) roles.set(person, role);
  });
  return roles;
}

/**
 * People of an event with their strongest role, from every sentence that names them. The title is the one written
 * with the name, less a leading organization of its own (which becomes `org`).
 */
export function eventPeople(
  annotated: Annotated,
  names: OrgNames,
  lexicon: EventLexicon,
  eventSentences: readonly Sentence[],
  eventType: EventType,
  owns: (sentence: Sentence) => boolean = () => true,
): EventPerson[] {
  const byName = new Map<string, EventPerson>();
  const titled = new Map<string, PersonMention>();
  for (const person of annotated.people)
    if (person.title && !titled.has(person.text)) titled.set(person.text, person);
  const eventParagraphs = eventSentences.map((sentence) => sentence.paragraph);
  const people = annotated.people.filter(
    (person) => !NOT_PEOPLE.test(annotated.text.slice(Math.max(0, person.start - 4), person.start)),
  );
  // People by the sentence they stand in, in one sweep (both lists are sorted).
  const bySentence = new Map<number, PersonMention[]>();
  let cursor = 0;
  for (const sentence of annotated.sentences) {
    while (cursor < people.length && (people[cursor] as PersonMention).start < sentence.start) cursor++;
    const inside: PersonMention[] = [];
    for (let i = cursor; i < people.length && (people[i] as PersonMention).start < sentence.end; i++) {
      inside.push(people[i] as PersonMention);
    }
    bySentence.set(sentence.index, inside);
  }
  for (const sentence of annotated.sentences) {
    if (!owns(sentence)) continue;
    // A speech belongs to the event near its report, or farther on when it speaks of the event (联盟将…); in a
    // report of a meeting or a founding, every speech is the occasion's.
    const near =
      WHOLE_ARTICLE_OCCASIONS.has(eventType) ||
      eventParagraphs.some(
        (paragraph) => sentence.paragraph >= paragraph && sentence.paragraph - paragraph <= NEAR_PARAGRAPHS,
      ) ||
      Boolean(lexicon.anchors.get(eventType)?.test(sentence.text));
    const roles = rolesIn(sentence, bySentence.get(sentence.index) ?? [], lexicon, near);
    // Someone the event's own report names without a role word took part in it.
    if (eventSentences.includes(sentence))
      for (const person of bySentence.get(sentence.index) ?? [])
        if (!roles.has(person)) roles.set(person, 'attendee');
    // 她表示 / 他认为: the speaker is the person the previous sentence named last.
    if (near && PRONOUN_SPEECH.test(sentence.text)) {
      const previous = people.filter((person) => person.end <= sentence.start).at(-1);
      const gap = annotated.sentences.find(
        (other) => previous && previous.start >= other.start && previous.start < other.end,
      );
      if (previous && gap && sentence.index - gap.index <= 1) roles.set(previous, 'speaker');
    }
    for (const [person, role] of roles) {
      const first = titled.get(person.text);
      const current = byName.get(person.text);
      if (current && ROLES.indexOf(current.role) <= ROLES.indexOf(role)) continue;
      byName.set(person.text, {
        name: person.text,
        title: first?.title ?? null,
        org: first?.org ? names.canonicalOf(first.org) : null,
        role,
      });
    }
  }
  return [...byName.values()];
}

/** Everyone named with a title, once, with the fullest title as first written (organization included). */
export function documentPeople(annotated: Annotated): { name: string; title: string | null }[] {
  const people = new Map<string, string | null>();
  for (const person of annotated.people) {
    if (!person.title || people.has(person.text)) continue;
    const head = person.org && person.org.end === person.titleSpan?.start ? person.org.text : '';
    people.set(person.text, `${head}${person.title}`);
  }
  return [...people].map(([name, title]) => ({ name, title }));
}
