import type { Actor, UnitRef } from './access-policy';
import {
  AGREEMENT_STATES,
  changedTerms,
  deviatesFromTemplate,
  indicatorsMissingReason,
  isAgreementEditable,
  isAgreementSigned,
  mayActOnAgreement,
  nextAgreementState,
} from './agreement-lifecycle';

const loei: UnitRef = { path: 'TH/northeast/C09/42', type: 'province' };
const cluster: UnitRef = { path: 'TH/northeast/C09', type: 'cluster' };
const as = (role: Actor['role'], scopePath: string): Actor => ({ role, scopePath });

describe('agreement lifecycle', () => {
  it.each([
    ['draft', 'propose', 'proposed'],
    ['returned', 'propose', 'proposed'],
    ['proposed', 'accept', 'accepted'],
    ['proposed', 'return', 'returned'],
    ['accepted', 'sign', 'agreed'],
  ] as const)('%s --%s--> %s', (from, act, to) => {
    expect(nextAgreementState(from, act)).toBe(to);
  });

  it('refuses every other transition', () => {
    const allowed = new Set([
      'draft propose',
      'returned propose',
      'proposed accept',
      'proposed return',
      'accepted sign',
    ]);
    for (const state of AGREEMENT_STATES) {
      for (const act of ['propose', 'accept', 'return', 'sign'] as const) {
        if (!allowed.has(`${state} ${act}`)) expect(nextAgreementState(state, act)).toBeNull();
      }
    }
  });

  it('is edited only as a draft or when returned, and is signed once agreed until the 12-month round', () => {
    expect(AGREEMENT_STATES.filter(isAgreementEditable)).toEqual(['draft', 'returned']);
    expect(AGREEMENT_STATES.filter(isAgreementSigned)).toEqual(['agreed', 'evaluated_6']);
  });

  it('lets the province propose, the ministry decide and the governor alone sign', () => {
    const officer = as('province_officer', loei.path);
    const approver = as('province_approver', loei.path);
    const governor = as('governor', loei.path);
    const ministry = as('central_analyst', 'TH');
    const evaluator = as('central_evaluator', 'TH');
    expect(mayActOnAgreement(officer, 'propose', loei)).toBe(true);
    expect(mayActOnAgreement(approver, 'amend', loei)).toBe(true);
    expect(mayActOnAgreement(governor, 'propose', loei)).toBe(false);
    expect(mayActOnAgreement(ministry, 'accept', loei)).toBe(true);
    expect(mayActOnAgreement(ministry, 'decideAmendment', loei)).toBe(true);
    expect(mayActOnAgreement(evaluator, 'accept', loei)).toBe(false);
    expect(mayActOnAgreement(approver, 'return', loei)).toBe(false);
    expect(mayActOnAgreement(governor, 'sign', loei)).toBe(true);
    expect(mayActOnAgreement(approver, 'sign', loei)).toBe(false);
    expect(mayActOnAgreement(ministry, 'sign', loei)).toBe(false);
    expect(mayActOnAgreement(as('governor', 'TH/north/C15/50'), 'sign', loei)).toBe(false);
    expect(mayActOnAgreement(as('central_analyst', loei.path), 'accept', loei)).toBe(false);
    expect(mayActOnAgreement(as('admin', 'TH'), 'sign', loei)).toBe(true);
    expect(mayActOnAgreement(as('admin', 'TH'), 'sign', cluster)).toBe(false);
  });

  it('asks a reason for each indicator changed from the template, compared by value', () => {
    const template = { weight: '20', levels: ['60', '65', '70', '75', '80'] };
    expect(deviatesFromTemplate({ weight: '20.00', levels: ['60.0', '65', '70', '75', '80'] }, template)).toBe(false);
    expect(deviatesFromTemplate({ weight: '25', levels: template.levels }, template)).toBe(true);
    expect(deviatesFromTemplate({ weight: '20', levels: ['60', '65', '71', '75', '80'] }, template)).toBe(true);
    expect(deviatesFromTemplate(template, null)).toBe(true);
    expect(
      indicatorsMissingReason([
        { code: 'A1', current: template, template, reason: null },
        { code: 'A2', current: { ...template, weight: '15' }, template, reason: '  ' },
        { code: 'A3', current: { ...template, weight: '25' }, template, reason: 'ภารกิจเร่งด่วน' },
        { code: 'L1', current: template, template: null, reason: null },
      ]),
    ).toEqual(['A2', 'L1']);
  });

  it('marks what changed between two versions', () => {
    expect(
      changedTerms({ weight: '20', levels: ['1', '2', '3'] }, { weight: '20.0', levels: ['1', '2.5', '3'] }),
    ).toEqual({
      weight: false,
      levels: [false, true, false],
    });
    expect(changedTerms(null, { weight: '5', levels: ['1', '2'] })).toEqual({ weight: true, levels: [true, true] });
  });
});
