import type { OrgType } from '../annotate/types.js';
import { earlier, later } from '../domain/dates.js';
import type {
  DocumentFacts,
  EventFact,
  MergedEvent,
  Region,
  Tie,
  TieEvidence,
  TieType,
} from '../domain/graph.js';
import { TIE_TYPES } from '../domain/graph.js';
import type { OrgResolution } from './orgs.js';
import { documentAliases } from './orgs.js';

/** A supplier's own words for stopping supply. */
const SUPPLY_CUT =
  /(暂停供应|停止供应|暂停供货|停止供货|停供|断供|限供|减少供应|中断供应|无法供应|无法供货)/u;

/** Sentences kept per tie: enough to show why, few enough to list. */
const EVIDENCE_PER_TIE = 5;

interface Source {
  event: number | null;
  date: string | null;
  evidence: readonly TieEvidence[];
}

/** Ties gathered by type and ends; one tie holds every event and sentence behind it. */
class TieSet {
  private readonly byKey = new Map<string, Omit<Tie, 'id'>>();
  private readonly documents = new Map<Omit<Tie, 'id'>, Set<number>>();

  add(type: TieType, from: number, to: number, directed: boolean, source: Source): void {
    if (from === to) return;
    const [a, b] = directed ? [from, to] : [Math.min(from, to), Math.max(from, to)];
    const key = `${type} ${a} ${b} ${directed ? 1 : 0}`;
    const tie = this.byKey.get(key) ?? {
      type,
      from: a,
      to: b,
      directed,
      events: [],
      evidence: [],
      documents: 0,
      firstDate: null,
      lastDate: null,
    };
    this.byKey.set(key, tie);
    this.absorb(tie, source);
  }

  private absorb(tie: Omit<Tie, 'id'>, source: Source): void {
    if (source.event !== null && !tie.events.includes(source.event)) tie.events.push(source.event);
    const documents = this.documents.get(tie) ?? new Set<number>();
    this.documents.set(tie, documents);
    for (const item of source.evidence) {
      documents.add(item.documentId);
      if (tie.evidence.length >= EVIDENCE_PER_TIE) continue;
      if (!tie.evidence.some((kept) => kept.documentId === item.documentId && kept.start === item.start))
        tie.evidence.push(item);
    }
    tie.documents = documents.size;
    tie.firstDate = earlier(tie.firstDate, source.date);
    tie.lastDate = later(tie.lastDate, source.date);
  }

  /** The ties, numbered from 1 in a stable order; a supply deal without sides joins its pair's directed tie. */
  ties(): Tie[] {
    const all = [...this.byKey.values()];
    const directedSupply = new Map<string, Omit<Tie, 'id'>>();
    for (const tie of all) {
      if (tie.type !== 'supplies' || !tie.directed) continue;
      directedSupply.set(pairKey(tie.from, tie.to), tie);
      directedSupply.set(pairKey(tie.to, tie.from), tie);
    }
    const kept = all.filter((tie) => {
      if (tie.type !== 'supplies' || tie.directed) return true;
      const owner = directedSupply.get(pairKey(tie.from, tie.to));
      if (!owner) return true;
      for (const event of tie.events) this.absorb(owner, { event, date: null, evidence: [] });
      this.absorb(owner, { event: null, date: tie.firstDate, evidence: tie.evidence });
      this.absorb(owner, { event: null, date: tie.lastDate, evidence: [] });
      return false;
    });
    return kept
      .sort(
        (x, y) =>
          TIE_TYPES.indexOf(x.type) - TIE_TYPES.indexOf(y.type) ||
          x.from - y.from ||
          x.to - y.to ||
          Number(y.directed) - Number(x.directed),
      )
      .map((tie, index) => ({ id: index + 1, ...tie }));
  }
}

const pairKey = (a: number, b: number): string => `${a} ${b}`;

function pairs(ids: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [index, a] of ids.entries()) for (const b of ids.slice(index + 1)) out.push([a, b]);
  return out;
}

/** Whether a government of this region can host what happens in that one: the same city, or the same province for an event placed no closer. */
function hostsThere(government: Region | null, place: Region | null): boolean {
  if (!government || !place || government.province !== place.province) return false;
  return place.city === null ? government.city === null : government.city === place.city;
}

/**
 * The typed ties of a corpus, from its merged events and what its articles state:
 * - cooperation agreements tie their parties (`cooperates`, undirected);
 * - supply agreements tie supplier to customer where a report says which is which (`supplies`), else the
 *   parties undirected; a supplier that stops supplying is tied to the companies the cut names (its customers);
 *   a supply relation an article states (甲为乙供货) ties them too;
 * - an alliance founded makes each founding party a member of it (`member_of`, not a tie between members), and
 *   a government among them its host;
 * - an investment ties its investors to what they invest in (`invests_in`);
 * - a settlement, or an investment in a project, is hosted by the governments among its parties or named in its
 *   reports for the place it happens (`hosts`).
 */
export function corpusTies(
  docs: readonly DocumentFacts[],
  orgs: OrgResolution,
  events: readonly MergedEvent[],
): Tie[] {
  const ties = new TieSet();
  const byId = new Map(orgs.organizations.map((org) => [org.id, org]));
  const typeOf = (id: number): OrgType | null => byId.get(id)?.type ?? null;
  const reports = new Map<number, { fact: EventFact; doc: DocumentFacts }>();
  for (const doc of docs) for (const fact of doc.events) reports.set(fact.id, { fact, doc });
  const idIn = (doc: DocumentFacts, name: string | null | undefined): number | null =>
    name ? orgs.idOf(name, documentAliases(doc), doc.id) : null;

  for (const event of events) {
    const own = event.reports.flatMap((report) => {
      const found = reports.get(report.eventId);
      return found ? [found] : [];
    });
    const source: Source = {
      event: event.id,
      date: event.date,
      evidence: own.flatMap(({ fact, doc }) =>
        fact.evidence.slice(0, 1).map((item) => ({ documentId: doc.id, ...item })),
      ),
    };
    const add = (type: TieType, from: number, to: number, directed: boolean) =>
      ties.add(type, from, to, directed, source);
    const parties = [...new Set(event.parties.map((party) => party.entityId))];
    const companies = parties.filter((id) => typeOf(id) === 'company');
    switch (event.type) {
      case 'cooperation_agreement':
        for (const [a, b] of pairs(parties)) add('cooperates', a, b, false);
        break;
      case 'supply_agreement': {
        const sides = own
          .map(({ fact, doc }) => [idIn(doc, fact.supplier), idIn(doc, fact.customer)] as const)
          .filter((side): side is readonly [number, number] => side[0] !== null && side[1] !== null);
        if (sides.length) for (const [supplier, customer] of sides) add('supplies', supplier, customer, true);
        else for (const [a, b] of pairs(parties)) add('supplies', a, b, false);
        break;
      }
      case 'alliance_founded': {
        const body = parties.find((id) => typeOf(id) === 'association') ?? null;
        if (body === null) break;
        for (const id of parties) {
          if (id !== body) add(typeOf(id) === 'government' ? 'hosts' : 'member_of', id, body, true);
        }
        break;
      }
      case 'settlement':
      case 'investment': {
        const target =
          event.type === 'investment'
            ? (own.map(({ fact, doc }) => idIn(doc, fact.target)).find((id) => id !== null) ?? null)
            : null;
        const actors = parties.filter((id) => id !== target && typeOf(id) !== 'government');
        if (target !== null) for (const investor of actors) add('invests_in', investor, target, true);
        const hosted = target === null ? actors.filter((id) => typeOf(id) === 'company') : [];
        const hosts = new Set(parties.filter((id) => typeOf(id) === 'government'));
        for (const { doc } of own) {
          for (const org of doc.orgs) {
            const id = idIn(doc, org.canonical);
            if (
              id !== null &&
              typeOf(id) === 'government' &&
              hostsThere(byId.get(id)?.region ?? null, event.region)
            )
              hosts.add(id);
          }
        }
        for (const host of hosts) for (const company of hosted) add('hosts', host, company, true);
        break;
      }
      case 'supply_disruption': {
        // A supplier that stops supplying names the companies it leaves short: its customers. A halt of one's own
        // production (停产) says nothing of who supplies whom.
        const cutsSupply = own.some(({ fact }) => fact.evidence.some((item) => SUPPLY_CUT.test(item.text)));
        if (cutsSupply && event.subjectId !== null && typeOf(event.subjectId) === 'company') {
          for (const customer of companies) add('supplies', event.subjectId, customer, true);
        }
        break;
      }
      default:
        break;
    }
  }

  for (const doc of docs) {
    for (const statement of doc.supplies) {
      const supplier = idIn(doc, statement.supplier);
      const customer = idIn(doc, statement.customer);
      if (supplier === null || customer === null) continue;
      ties.add('supplies', supplier, customer, true, {
        event: null,
        date: doc.published,
        evidence: [{ documentId: doc.id, ...statement.evidence }],
      });
    }
  }
  return ties.ties();
}
