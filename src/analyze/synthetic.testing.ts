import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small fictional corpus of signings for testing the diagnosis: two provinces with known gaps.
 * 安徽 has cathode, cells, drive-motor, charging, storage and recycling companies; 江西 has anode, cells, one
 * drive-motor company, swapping, storage and recycling. So against the whole corpus 江西 lacks cathode and
 * charging and is thin in electric drive; 安徽 lacks anode and swapping.
 */
export interface SyntheticCompany {
  name: string;
  city: string;
  segment: string;
}

const DOMAINS: Record<string, string> = {
  cathode: '磷酸铁锂正极材料',
  anode: '人造石墨负极材料',
  cells: '动力电池电芯',
  'drive-motors': '驱动电机',
  charging: '公共充电桩',
  'battery-swapping': '换电站',
  'utility-storage': '储能电站',
  recycling: '退役电池回收',
};

const BRANDS = [
  '恒钧',
  '恒锂',
  '瑞川',
  '博远',
  '华曜',
  '锦程',
  '华鼎',
  '宏达',
  '凯越',
  '昊天',
  '晟通',
  '嘉誉',
  '德昂',
  '远帆',
  '瀚海',
  '明睿',
  '丰禾',
  '卓衡',
  '弘毅',
  '辰星',
  '朗驰',
  '澜图',
  '曜石',
  '铭川',
  '拓普',
  '国隆',
  '青禾',
  '云帆',
  '星瀚',
  '安程',
  '智衡',
  '合众',
  '维远',
  '众联',
  '睿驰',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '海涛', '晓明', '文斌', '立新', '志强', '国华', '振宇', '明远', '嘉文'];

/** Companies per province and segment: how many of each, and in which cities. */
const PLAN: { province: string; cities: string[]; segments: Record<string, number> }[] = [
  {
    province: '安徽',
    cities: ['合肥', '芜湖'],
    segments: { cathode: 3, cells: 3, 'drive-motors': 4, charging: 3, 'utility-storage': 3, recycling: 3 },
  },
  {
    province: '江西',
    cities: ['南昌', '宜春'],
    segments: {
      anode: 3,
      cells: 3,
      'drive-motors': 1,
      'battery-swapping': 3,
      'utility-storage': 3,
      recycling: 3,
    },
  },
];

export function syntheticCompanies(): SyntheticCompany[] {
  const companies: SyntheticCompany[] = [];
  let brand = 0;
  for (const { cities, segments } of PLAN) {
    for (const [segment, count] of Object.entries(segments)) {
      for (let i = 0; i < count; i++) {
        const city = cities[i % cities.length] as string;
        companies.push({ name: `${city}${BRANDS[brand++ % BRANDS.length]}科技有限公司`, city, segment });
      }
    }
  }
  return companies;
}

/** One signing per neighbouring pair of a segment's companies (a chain: the middle ones bridge it). */
export function writeSyntheticCorpus(): { dir: string; companies: SyntheticCompany[] } {
  const dir = mkdtempSync(join(tmpdir(), 'liantu-synthetic-'));
  mkdirSync(dir, { recursive: true });
  const companies = syntheticCompanies();
  const bySegment = new Map<string, SyntheticCompany[]>();
  for (const company of companies)
    bySegment.set(company.segment, [...(bySegment.get(company.segment) ?? []), company]);
  let article = 0;
  for (const [segment, members] of bySegment) {
    for (let i = 0; i + 1 < members.length; i++) {
      const [a, b] = [members[i] as SyntheticCompany, members[i + 1] as SyntheticCompany];
      const month = (article % 9) + 1;
      const day = (article % 20) + 3;
      const person = `${SURNAMES[article % SURNAMES.length]}${GIVEN[(article * 3) % GIVEN.length]}`;
      const domain = DOMAINS[segment] as string;
      const text = [
        `${a.name}与${b.name}签署战略合作协议`,
        `2025-${String(month).padStart(2, '0')}-${String(day + 1).padStart(2, '0')} 09:30`,
        '',
        `${month}月${day}日，${a.name}与${b.name}在${a.city}签署战略合作协议。根据协议，双方将在${domain}等领域开展深度合作。`,
        '',
        `${a.name}总经理${person}表示，此次合作将提升双方在${domain}方面的竞争力。`,
        '',
        `据介绍，${a.name}主要从事${domain}业务，${b.name}专注于${domain}的研发和生产。`,
        '',
      ].join('\n');
      writeFileSync(join(dir, `signing-${String(article++).padStart(3, '0')}.txt`), text);
    }
  }
  return { dir, companies };
}
