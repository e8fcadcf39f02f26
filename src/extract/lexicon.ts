import { z } from 'zod';
import { parseYaml, pattern } from '../resources/yaml.js';
import { BUSINESS_EVENT_TYPES, type BusinessEventType, ROLES, type Role } from './types.js';

const byType = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(BUSINESS_EVENT_TYPES.map((type) => [type, value])) as Record<BusinessEventType, T>,
  );

/** data/extract/events.yaml: triggers, roles and the words that veto or qualify an event. */
export const EVENTS_FILE = byType(z.array(pattern())).extend({
  roles: z.object(
    Object.fromEntries(ROLES.map((role) => [role, pattern()])) as Record<Role, ReturnType<typeof pattern>>,
  ),
  plans: pattern(),
  background: pattern(),
  wishes: pattern(),
  nonTriggers: pattern(),
  governance: pattern(),
  talks: pattern(),
  denials: pattern(),
  risks: pattern(),
  roleBarriers: pattern(),
  anchors: byType(pattern()),
  occasions: byType(pattern()),
  visitTo: pattern(),
  cityShortForms: z.record(z.string().length(1), z.string().min(2)),
  conveners: pattern(),
  domainOpen: pattern(),
  domainClose: pattern(),
});

export interface EventLexicon {
  triggers: Map<BusinessEventType, RegExp[]>;
  roles: Map<Role, RegExp>;
  plans: RegExp;
  background: RegExp;
  wishes: RegExp;
  talks: RegExp;
  nonTriggers: RegExp;
  /** A company's governance meetings (董事会第…次会议, 临时股东大会): no meetings of the chain. */
  governance: RegExp;
  denials: RegExp;
  risks: RegExp;
  roleBarriers: RegExp;
  anchors: Map<BusinessEventType, RegExp>;
  /** Words by which a sentence about people names an event's occasion (出席签约仪式 → the signing). */
  occasions: Map<BusinessEventType, RegExp>;
  conveners: RegExp;
  domainOpen: RegExp;
  domainClose: RegExp;
  /** Words after which a place is where a visit goes (赴, 来到), anchored at the end. */
  visitTo: RegExp;
  /** Cities by their one-character names (京 → 北京). */
  cityShortForms: Map<string, string>;
}

/** The event lexicon from the text of its file; a mistake names the file and the entry. */
export function parseEventLexicon(content: string, where: string): EventLexicon {
  const raw = parseYaml(content, where, EVENTS_FILE);
  return {
    ...raw,
    triggers: new Map(BUSINESS_EVENT_TYPES.map((type) => [type, raw[type]])),
    roles: new Map(ROLES.map((role) => [role, raw.roles[role]])),
    anchors: new Map(BUSINESS_EVENT_TYPES.map((type) => [type, raw.anchors[type]])),
    occasions: new Map(BUSINESS_EVENT_TYPES.map((type) => [type, raw.occasions[type]])),
    cityShortForms: new Map(Object.entries(raw.cityShortForms)),
  };
}
