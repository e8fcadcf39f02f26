import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { dataPath } from '../data-path.js';
import { BUSINESS_EVENT_TYPES, type BusinessEventType, ROLES, type Role } from './types.js';

export interface EventLexicon {
  triggers: Map<BusinessEventType, RegExp[]>;
  roles: Map<Role, RegExp>;
  organizers: RegExp;
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
  conveners: RegExp;
  domainOpen: RegExp;
  domainClose: RegExp;
  /** Words after which a place is where a visit goes (赴, 来到). */
  visitTo: RegExp;
  /** Cities by their one-character names (京 → 北京). */
  cityShortForms: Map<string, string>;
}

let cached: EventLexicon | null = null;

export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const file = dataPath('extract', 'events.yaml');
  const raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const roles = raw.roles as Record<Role, string>;
  cached = {
    triggers: new Map(
      BUSINESS_EVENT_TYPES.map((type) => [
        type,
        ((raw[type] as string[]) ?? []).map((p) => new RegExp(p, 'u')),
      ]),
    ),
    roles: new Map(ROLES.map((role) => [role, new RegExp(roles[role], 'u')])),
    organizers: new RegExp(String(raw.organizers), 'u'),
    plans: new RegExp(String(raw.plans), 'u'),
    background: new RegExp(String(raw.background), 'u'),
    wishes: new RegExp(String(raw.wishes), 'u'),
    talks: new RegExp(String(raw.talks), 'u'),
    nonTriggers: new RegExp(String(raw.nonTriggers), 'u'),
    governance: new RegExp(String(raw.governance), 'u'),
    denials: new RegExp(String(raw.denials), 'u'),
    risks: new RegExp(String(raw.risks), 'u'),
    roleBarriers: new RegExp(String(raw.roleBarriers), 'u'),
    anchors: new Map(
      Object.entries(raw.anchors as Record<BusinessEventType, string>).map(([type, pattern]) => [
        type as BusinessEventType,
        new RegExp(pattern, 'u'),
      ]),
    ),
    conveners: new RegExp(String(raw.conveners), 'u'),
    domainOpen: new RegExp(String(raw.domainOpen), 'u'),
    domainClose: new RegExp(String(raw.domainClose), 'u'),
    visitTo: new RegExp(`${String(raw.visitTo)}$`, 'u'),
    cityShortForms: new Map(Object.entries((raw.cityShortForms ?? {}) as Record<string, string>)),
  };
  return cached;
}
