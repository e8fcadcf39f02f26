import type { EventType } from './types.js';

/** Event types as people read them, in Chinese and English. */
export const EVENT_TYPE_NAMES: Record<EventType, { zh: string; en: string }> = {
  cooperation_agreement: { zh: '合作协议', en: 'cooperation agreement' },
  supply_agreement: { zh: '供货协议', en: 'supply agreement' },
  alliance_founded: { zh: '联盟成立', en: 'alliance founded' },
  settlement: { zh: '项目落地', en: 'settlement' },
  investment: { zh: '投资', en: 'investment' },
  meeting: { zh: '会议', en: 'meeting' },
  supply_disruption: { zh: '供应中断', en: 'supply disruption' },
  accident: { zh: '事故', en: 'accident' },
  recall: { zh: '召回', en: 'recall' },
  regulatory_action: { zh: '监管与贸易措施', en: 'regulatory action' },
  financial_distress: { zh: '财务困境', en: 'financial distress' },
  price_shock: { zh: '价格冲击', en: 'price shock' },
};

/** The bilingual label of an event type (合作协议 · cooperation agreement); an unknown type as it is. */
export function eventTypeLabel(type: string): string {
  const names = EVENT_TYPE_NAMES[type as EventType];
  return names ? `${names.zh} · ${names.en}` : type;
}
