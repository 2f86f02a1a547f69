import type { AggregationKind, Frequency, KpiDirection, RollupMethod } from '@provdash/shared/domain';

/**
 * The demo's strategy-map template: what a typical provincial development plan of the
 * 2566–2570 round contains (four strategic issues, two goals each, KPIs of every shape the
 * product must handle). Numbers are plausible magnitudes for a mid-sized province, scaled per
 * province by the generator; they are demo data, not statistics.
 */
export interface KpiTemplate {
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  direction: KpiDirection;
  frequency: Frequency;
  rollup: RollupMethod;
  /** How provinces combine into a cluster or national figure. */
  aggregation: AggregationKind;
  /** Yearly target in FY 2567 for a province of average size (for ratio KPIs: the percentage). */
  base: number;
  /** Yearly change of the target (0.03 = +3 % a year; negative for lower-is-better). */
  trend: number;
  /** Provinces differ: targets are scaled by a factor in [1 − spread, 1 + spread]. */
  spread: number;
  decimals: number;
  /** For ratio KPIs: the size of the denominator per reporting period. */
  denominator?: number;
  band?: { min: number; max: number };
  plausible: { min: number; max: number };
  ownerTh: string;
  ownerEn: string;
  source: string;
  definitionTh: string;
}

export interface GoalTemplate {
  code: string;
  nameTh: string;
  nameEn: string;
  pillar: number;
  /** Code of the cluster goal this province goal contributes to. */
  clusterGoal?: string;
  strategies: { nameTh: string; nameEn: string }[];
  kpis: KpiTemplate[];
}

export interface IssueTemplate {
  code: string;
  nameTh: string;
  nameEn: string;
  goals: GoalTemplate[];
}

const PROVINCIAL_OFFICE = {
  ownerTh: 'สำนักงานจังหวัด',
  ownerEn: 'Provincial Office',
};

export const PROVINCE_ISSUES: IssueTemplate[] = [
  {
    code: 'I1',
    nameTh: 'พัฒนาเศรษฐกิจฐานรากและการเกษตรมูลค่าสูง',
    nameEn: 'Grassroots economy and high-value agriculture',
    goals: [
      {
        code: 'G1.1',
        nameTh: 'รายได้ของเกษตรกรและครัวเรือนเพิ่มขึ้นอย่างยั่งยืน',
        nameEn: 'Farm and household incomes rise sustainably',
        pillar: 2,
        strategies: [
          {
            nameTh: 'ส่งเสริมเกษตรปลอดภัยและเกษตรอินทรีย์',
            nameEn: 'Promote safe and organic farming',
          },
          {
            nameTh: 'แปรรูปสินค้าเกษตรและเชื่อมโยงตลาด',
            nameEn: 'Process farm products and link them to markets',
          },
        ],
        kpis: [
          {
            code: 'K1.1.1',
            nameTh: 'อัตราการขยายตัวของผลิตภัณฑ์มวลรวมจังหวัด (GPP)',
            nameEn: 'Growth of gross provincial product (GPP)',
            unitTh: 'ร้อยละ',
            unitEn: '%',
            direction: 'higher_better',
            frequency: 'yearly',
            rollup: 'last',
            aggregation: 'none',
            base: 3,
            trend: 0,
            spread: 0.3,
            decimals: 2,
            plausible: { min: -20, max: 30 },
            ownerTh: 'สำนักงานคลังจังหวัด',
            ownerEn: 'Provincial Treasury Office',
            source: 'สศช.',
            definitionTh: 'อัตราการเปลี่ยนแปลงของผลิตภัณฑ์มวลรวมจังหวัด ณ ราคาคงที่ เทียบกับปีก่อน',
          },
          {
            code: 'K1.1.2',
            nameTh: 'รายได้เฉลี่ยของครัวเรือนเกษตรกร',
            nameEn: 'Average farm household income',
            unitTh: 'บาท/ครัวเรือน/ปี',
            unitEn: 'THB/household/year',
            direction: 'higher_better',
            frequency: 'yearly',
            rollup: 'last',
            aggregation: 'none',
            base: 280000,
            trend: 0.03,
            spread: 0.35,
            decimals: 0,
            plausible: { min: 50000, max: 2000000 },
            ownerTh: 'สำนักงานเกษตรจังหวัด',
            ownerEn: 'Provincial Agriculture Office',
            source: 'สำนักงานเศรษฐกิจการเกษตร',
            definitionTh: 'รายได้เงินสดสุทธิทางการเกษตรและนอกการเกษตรเฉลี่ยต่อครัวเรือน',
          },
        ],
      },
      {
        code: 'G1.2',
        nameTh: 'การท่องเที่ยวและการค้าสร้างรายได้เพิ่มขึ้น',
        nameEn: 'Tourism and trade earn more',
        pillar: 2,
        clusterGoal: 'CG1.1',
        strategies: [
          {
            nameTh: 'พัฒนาแหล่งท่องเที่ยวชุมชนและวิถีวัฒนธรรม',
            nameEn: 'Develop community and cultural tourism',
          },
          {
            nameTh: 'ยกระดับมาตรฐานสินค้าชุมชน',
            nameEn: 'Raise the standard of community products',
          },
        ],
        kpis: [
          {
            code: 'K1.2.1',
            nameTh: 'รายได้จากการท่องเที่ยว',
            nameEn: 'Tourism revenue',
            unitTh: 'ล้านบาท',
            unitEn: 'million THB',
            direction: 'higher_better',
            frequency: 'monthly',
            rollup: 'sum',
            aggregation: 'sum',
            base: 9600,
            trend: 0.06,
            spread: 0.6,
            decimals: 2,
            plausible: { min: 0, max: 100000 },
            ownerTh: 'สำนักงานการท่องเที่ยวและกีฬาจังหวัด',
            ownerEn: 'Provincial Tourism and Sports Office',
            source: 'กระทรวงการท่องเที่ยวและกีฬา',
            definitionTh: 'รายได้จากผู้เยี่ยมเยือนชาวไทยและชาวต่างประเทศในจังหวัด',
          },
          {
            code: 'K1.2.2',
            nameTh: 'มูลค่าการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)',
            nameEn: 'Community product (OTOP) sales',
            unitTh: 'ล้านบาท',
            unitEn: 'million THB',
            direction: 'higher_better',
            frequency: 'quarterly',
            rollup: 'sum',
            aggregation: 'sum',
            base: 1800,
            trend: 0.05,
            spread: 0.5,
            decimals: 2,
            plausible: { min: 0, max: 50000 },
            ownerTh: 'สำนักงานพัฒนาชุมชนจังหวัด',
            ownerEn: 'Provincial Community Development Office',
            source: 'กรมการพัฒนาชุมชน',
            definitionTh: 'มูลค่าการจำหน่ายผลิตภัณฑ์ OTOP ที่ลงทะเบียนในจังหวัด',
          },
        ],
      },
    ],
  },
  {
    code: 'I2',
    nameTh: 'ยกระดับคุณภาพชีวิตและพัฒนาคนทุกช่วงวัย',
    nameEn: 'Quality of life and human development at every age',
    goals: [
      {
        code: 'G2.1',
        nameTh: 'ประชาชนมีสุขภาวะที่ดี',
        nameEn: 'People in good health',
        pillar: 4,
        strategies: [
          {
            nameTh: 'ป้องกันและควบคุมโรคติดต่อในชุมชน',
            nameEn: 'Prevent and control communicable disease',
          },
          {
            nameTh: 'ดูแลผู้สูงอายุและผู้มีภาวะพึ่งพิง',
            nameEn: 'Care for the elderly and dependent',
          },
        ],
        kpis: [
          {
            code: 'K2.1.1',
            nameTh: 'อัตราป่วยโรคไข้เลือดออกต่อประชากรแสนคน',
            nameEn: 'Dengue incidence per 100,000 people',
            unitTh: 'ต่อแสนประชากร',
            unitEn: 'per 100,000',
            direction: 'lower_better',
            frequency: 'monthly',
            rollup: 'sum',
            aggregation: 'none',
            base: 80,
            trend: -0.05,
            spread: 0.4,
            decimals: 2,
            plausible: { min: 0, max: 200 },
            ownerTh: 'สำนักงานสาธารณสุขจังหวัด',
            ownerEn: 'Provincial Public Health Office',
            source: 'ระบบรายงาน 506',
            definitionTh: 'จำนวนผู้ป่วยไข้เลือดออกรายใหม่ต่อประชากรกลางปีหนึ่งแสนคน',
          },
          {
            code: 'K2.1.2',
            nameTh: 'ร้อยละผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ',
            nameEn: 'Elderly screened for health risks',
            unitTh: 'ร้อยละ',
            unitEn: '%',
            direction: 'higher_better',
            frequency: 'quarterly',
            rollup: 'ratio',
            aggregation: 'weighted_ratio',
            base: 85,
            trend: 0.01,
            spread: 0.05,
            decimals: 2,
            denominator: 30000,
            plausible: { min: 0, max: 100 },
            ownerTh: 'สำนักงานสาธารณสุขจังหวัด',
            ownerEn: 'Provincial Public Health Office',
            source: 'HDC กระทรวงสาธารณสุข',
            definitionTh: 'จำนวนผู้สูงอายุที่ได้รับการคัดกรอง หารด้วยจำนวนผู้สูงอายุเป้าหมาย คูณ 100',
          },
        ],
      },
      {
        code: 'G2.2',
        nameTh: 'ความเหลื่อมล้ำทางการศึกษาและรายได้ลดลง',
        nameEn: 'Gaps in education and income narrow',
        pillar: 3,
        strategies: [
          {
            nameTh: 'พัฒนาคุณภาพการศึกษาขั้นพื้นฐาน',
            nameEn: 'Improve basic education',
          },
          {
            nameTh: 'ช่วยเหลือครัวเรือนยากจนแบบมุ่งเป้า',
            nameEn: 'Targeted help for poor households',
          },
        ],
        kpis: [
          {
            code: 'K2.2.1',
            nameTh: 'คะแนนเฉลี่ย O-NET ชั้นมัธยมศึกษาปีที่ 3',
            nameEn: 'Average O-NET score, grade 9',
            unitTh: 'คะแนน',
            unitEn: 'points',
            direction: 'higher_better',
            frequency: 'yearly',
            rollup: 'last',
            aggregation: 'none',
            base: 32,
            trend: 0.02,
            spread: 0.12,
            decimals: 2,
            plausible: { min: 0, max: 100 },
            ownerTh: 'สำนักงานศึกษาธิการจังหวัด',
            ownerEn: 'Provincial Education Office',
            source: 'สทศ.',
            definitionTh: 'ค่าเฉลี่ยคะแนนทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน 4 วิชาหลัก',
          },
          {
            code: 'K2.2.2',
            nameTh: 'จำนวนครัวเรือนที่มีรายได้ต่ำกว่าเกณฑ์ จปฐ.',
            nameEn: 'Households below the basic-needs income line',
            unitTh: 'ครัวเรือน',
            unitEn: 'households',
            direction: 'lower_better',
            frequency: 'yearly',
            rollup: 'last',
            aggregation: 'sum',
            base: 420,
            trend: -0.12,
            spread: 0.6,
            decimals: 0,
            plausible: { min: 0, max: 20000 },
            ownerTh: 'สำนักงานพัฒนาชุมชนจังหวัด',
            ownerEn: 'Provincial Community Development Office',
            source: 'ข้อมูล จปฐ.',
            definitionTh: 'จำนวนครัวเรือนที่มีรายได้เฉลี่ยต่อคนต่อปีต่ำกว่าเกณฑ์ความจำเป็นพื้นฐาน',
          },
        ],
      },
    ],
  },
  {
    code: 'I3',
    nameTh: 'บริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างยั่งยืน',
    nameEn: 'Sustainable management of natural resources and the environment',
    goals: [
      {
        code: 'G3.1',
        nameTh: 'คุณภาพอากาศและสิ่งแวดล้อมดีขึ้น',
        nameEn: 'Cleaner air and environment',
        pillar: 5,
        clusterGoal: 'CG2.1',
        strategies: [
          {
            nameTh: 'ลดการเผาในที่โล่งและจุดความร้อน',
            nameEn: 'Reduce open burning and hotspots',
          },
          {
            nameTh: 'จัดการขยะมูลฝอยต้นทางถึงปลายทาง',
            nameEn: 'Manage solid waste from source to disposal',
          },
        ],
        kpis: [
          {
            code: 'K3.1.1',
            nameTh: 'จำนวนจุดความร้อนสะสม (Hotspot)',
            nameEn: 'Accumulated fire hotspots',
            unitTh: 'จุด',
            unitEn: 'hotspots',
            direction: 'lower_better',
            frequency: 'monthly',
            rollup: 'sum',
            aggregation: 'sum',
            base: 900,
            trend: -0.1,
            spread: 0.8,
            decimals: 0,
            plausible: { min: 0, max: 20000 },
            ownerTh: 'สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด',
            ownerEn: 'Provincial Natural Resources and Environment Office',
            source: 'GISTDA',
            definitionTh: 'จำนวนจุดความร้อนที่ตรวจพบจากดาวเทียมในพื้นที่จังหวัด',
          },
          {
            code: 'K3.1.2',
            nameTh: 'ร้อยละขยะมูลฝอยที่ได้รับการจัดการอย่างถูกต้อง',
            nameEn: 'Solid waste managed properly',
            unitTh: 'ร้อยละ',
            unitEn: '%',
            direction: 'higher_better',
            frequency: 'quarterly',
            rollup: 'ratio',
            aggregation: 'weighted_ratio',
            base: 78,
            trend: 0.02,
            spread: 0.1,
            decimals: 2,
            denominator: 45000,
            plausible: { min: 0, max: 100 },
            ownerTh: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
            ownerEn: 'Provincial Local Administration Office',
            source: 'กรมควบคุมมลพิษ',
            definitionTh: 'ปริมาณขยะที่กำจัดถูกต้องตามหลักวิชาการ หารด้วยปริมาณขยะที่เกิดขึ้น คูณ 100',
          },
        ],
      },
      {
        code: 'G3.2',
        nameTh: 'ทรัพยากรป่าไม้และน้ำได้รับการดูแลให้คงอยู่',
        nameEn: 'Forests and water resources are kept',
        pillar: 5,
        strategies: [
          {
            nameTh: 'ฟื้นฟูป่าต้นน้ำโดยการมีส่วนร่วมของชุมชน',
            nameEn: 'Restore upstream forests with communities',
          },
          {
            nameTh: 'บริหารจัดการน้ำเพื่อการเกษตรและอุปโภค',
            nameEn: 'Manage water for farming and households',
          },
        ],
        kpis: [
          {
            code: 'K3.2.1',
            nameTh: 'ร้อยละพื้นที่ป่าไม้ต่อพื้นที่จังหวัด',
            nameEn: 'Forest cover as a share of the province',
            unitTh: 'ร้อยละ',
            unitEn: '%',
            direction: 'higher_better',
            frequency: 'yearly',
            rollup: 'last',
            aggregation: 'none',
            base: 30,
            trend: 0.005,
            spread: 0.6,
            decimals: 2,
            plausible: { min: 0, max: 100 },
            ownerTh: 'สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด',
            ownerEn: 'Provincial Natural Resources and Environment Office',
            source: 'กรมป่าไม้',
            definitionTh: 'พื้นที่ป่าไม้จากการแปลภาพถ่ายดาวเทียม หารด้วยพื้นที่จังหวัด คูณ 100',
          },
          {
            code: 'K3.2.2',
            nameTh: 'ปริมาณน้ำในอ่างเก็บน้ำหลัก (ร้อยละของความจุ)',
            nameEn: 'Main reservoir storage (% of capacity)',
            unitTh: 'ร้อยละของความจุ',
            unitEn: '% of capacity',
            direction: 'band',
            frequency: 'monthly',
            rollup: 'last',
            aggregation: 'none',
            base: 60,
            trend: 0,
            spread: 0,
            decimals: 1,
            band: { min: 40, max: 80 },
            plausible: { min: 0, max: 110 },
            ownerTh: 'โครงการชลประทานจังหวัด',
            ownerEn: 'Provincial Irrigation Project',
            source: 'กรมชลประทาน',
            definitionTh: 'ปริมาณน้ำเก็บกักเทียบความจุ ณ สิ้นเดือน เกณฑ์ที่เหมาะสมอยู่ระหว่างร้อยละ 40–80',
          },
        ],
      },
    ],
  },
  {
    code: 'I4',
    nameTh: 'เสริมสร้างความมั่นคงและการบริหารจัดการภาครัฐที่มีประสิทธิภาพ',
    nameEn: 'Security and effective public administration',
    goals: [
      {
        code: 'G4.1',
        nameTh: 'ชุมชนปลอดภัย',
        nameEn: 'Safe communities',
        pillar: 1,
        strategies: [
          {
            nameTh: 'ลดอุบัติเหตุทางถนนด้วยกลไกศูนย์ความปลอดภัยทางถนน',
            nameEn: 'Cut road accidents through road-safety centres',
          },
          {
            nameTh: 'ป้องกันและแก้ไขปัญหายาเสพติดในชุมชน',
            nameEn: 'Prevent drug problems in communities',
          },
        ],
        kpis: [
          {
            code: 'K4.1.1',
            nameTh: 'อัตราการเสียชีวิตจากอุบัติเหตุทางถนนต่อประชากรแสนคน',
            nameEn: 'Road deaths per 100,000 people',
            unitTh: 'ต่อแสนประชากร',
            unitEn: 'per 100,000',
            direction: 'lower_better',
            frequency: 'quarterly',
            rollup: 'sum',
            aggregation: 'none',
            base: 26,
            trend: -0.04,
            spread: 0.35,
            decimals: 2,
            plausible: { min: 0, max: 100 },
            ...PROVINCIAL_OFFICE,
            source: 'ศูนย์ข้อมูลอุบัติเหตุ (3 ฐาน)',
            definitionTh: 'จำนวนผู้เสียชีวิตจากอุบัติเหตุทางถนนต่อประชากรหนึ่งแสนคน จากการบูรณาการ 3 ฐานข้อมูล',
          },
        ],
      },
      {
        code: 'G4.2',
        nameTh: 'การบริการภาครัฐมีประสิทธิภาพและโปร่งใส',
        nameEn: 'Efficient and transparent public services',
        pillar: 6,
        strategies: [
          {
            nameTh: 'พัฒนาบริการดิจิทัลของหน่วยงานในจังหวัด',
            nameEn: 'Digital services across provincial agencies',
          },
          {
            nameTh: 'เปิดเผยข้อมูลการดำเนินงานต่อสาธารณะ',
            nameEn: 'Publish performance data openly',
          },
        ],
        kpis: [
          {
            code: 'K4.2.1',
            nameTh: 'ร้อยละความพึงพอใจของประชาชนต่อการให้บริการของหน่วยงานภาครัฐ',
            nameEn: 'Public satisfaction with government services',
            unitTh: 'ร้อยละ',
            unitEn: '%',
            direction: 'higher_better',
            frequency: 'half_yearly',
            rollup: 'average',
            aggregation: 'none',
            base: 85,
            trend: 0.005,
            spread: 0.04,
            decimals: 2,
            plausible: { min: 0, max: 100 },
            ...PROVINCIAL_OFFICE,
            source: 'การสำรวจความพึงพอใจ',
            definitionTh: 'ค่าเฉลี่ยร้อยละความพึงพอใจจากการสำรวจผู้รับบริการรายครึ่งปี',
          },
        ],
      },
    ],
  },
];

/** Province goals that feed another (the arrows of the strategy map): cause → effect. */
export const GOAL_LINKS: [string, string][] = [
  ['G2.2', 'G1.1'],
  ['G3.2', 'G1.2'],
  ['G4.1', 'G1.2'],
  ['G4.2', 'G2.1'],
  ['G3.1', 'G2.1'],
];

export const CLUSTER_ISSUES: {
  code: string;
  nameTh: string;
  nameEn: string;
  goal: { code: string; nameTh: string; nameEn: string; pillar: number };
}[] = [
  {
    code: 'CI1',
    nameTh: 'เพิ่มขีดความสามารถในการแข่งขันด้านการค้า การลงทุน และการท่องเที่ยวของกลุ่มจังหวัด',
    nameEn: "Raise the cluster's competitiveness in trade, investment and tourism",
    goal: {
      code: 'CG1.1',
      nameTh: 'มูลค่าการค้าและรายได้จากการท่องเที่ยวของกลุ่มจังหวัดเพิ่มขึ้น',
      nameEn: 'Cluster trade and tourism revenue grow',
      pillar: 2,
    },
  },
  {
    code: 'CI2',
    nameTh: 'พัฒนาคุณภาพชีวิตและสิ่งแวดล้อมของกลุ่มจังหวัดอย่างยั่งยืน',
    nameEn: 'Sustainable quality of life and environment across the cluster',
    goal: {
      code: 'CG2.1',
      nameTh: 'สิ่งแวดล้อมของกลุ่มจังหวัดได้รับการฟื้นฟู',
      nameEn: 'The cluster environment is restored',
      pillar: 5,
    },
  },
];
