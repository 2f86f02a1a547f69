import type { Role } from '@provdash/shared/domain';
import { hash } from 'argon2';
import { EntityManager } from 'typeorm';
import { DemoCalendar, demoCalendar } from './demo-calendar';

/** Shown at start and in the README; these accounts exist only in demo databases. */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  scopeCode: string;
}

/** One per role, around Chiang Mai (50) and its cluster (C15), plus Lampang (52) to show where scopes end. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.go.th', displayName: 'ผู้ดูแลระบบ', role: 'admin', scopeCode: 'TH' },
  { email: 'analyst@demo.go.th', displayName: 'นักวิเคราะห์ส่วนกลาง', role: 'central_analyst', scopeCode: 'TH' },
  { email: 'evaluator@demo.go.th', displayName: 'ผู้ประเมินส่วนกลาง', role: 'central_evaluator', scopeCode: 'TH' },
  {
    email: 'cluster.c15@demo.go.th',
    displayName: 'เจ้าหน้าที่กลุ่มจังหวัดภาคเหนือตอนบน 1',
    role: 'cluster_officer',
    scopeCode: 'C15',
  },
  { email: 'governor.50@demo.go.th', displayName: 'ผู้ว่าราชการจังหวัดเชียงใหม่', role: 'governor', scopeCode: '50' },
  {
    email: 'officer.50@demo.go.th',
    displayName: 'เจ้าหน้าที่ยุทธศาสตร์ จ.เชียงใหม่',
    role: 'province_officer',
    scopeCode: '50',
  },
  {
    email: 'approver.50@demo.go.th',
    displayName: 'หัวหน้ากลุ่มงานยุทธศาสตร์ จ.เชียงใหม่',
    role: 'province_approver',
    scopeCode: '50',
  },
  {
    email: 'officer.52@demo.go.th',
    displayName: 'เจ้าหน้าที่ยุทธศาสตร์ จ.ลำปาง',
    role: 'province_officer',
    scopeCode: '52',
  },
];

/**
 * Training (DEMO_PROVINCES_WITHOUT_PLAN): a strategy officer and an approver for each province left
 * without a plan, so a strategy office can practise building one and having it approved.
 */
export function trainingUsers(codes: readonly string[]): DemoUser[] {
  return codes.flatMap((code): DemoUser[] => [
    {
      email: `officer.${code}@demo.go.th`,
      displayName: `เจ้าหน้าที่ยุทธศาสตร์ (ฝึกอบรม) จังหวัดรหัส ${code}`,
      role: 'province_officer',
      scopeCode: code,
    },
    {
      email: `approver.${code}@demo.go.th`,
      displayName: `หัวหน้ากลุ่มงานยุทธศาสตร์ (ฝึกอบรม) จังหวัดรหัส ${code}`,
      role: 'province_approver',
      scopeCode: code,
    },
  ]);
}

export async function seedDemoUsers(m: EntityManager, cal: DemoCalendar = demoCalendar()): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, { type: 2 });
  const known = new Set(DEMO_USERS.map((u) => u.email));
  const training = trainingUsers(cal.provincesWithoutPlan).filter((u) => !known.has(u.email));
  for (const u of [...DEMO_USERS, ...training]) {
    await m.query(
      `INSERT INTO app_user (email, display_name, password_hash, role, org_unit_id)
       SELECT $1, $2, $3, $4, id FROM org_unit WHERE code = $5`,
      [u.email, u.displayName, passwordHash, u.role, u.scopeCode],
    );
  }
}
