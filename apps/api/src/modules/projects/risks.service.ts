import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RiskAssessmentDto, RiskDetailDto, RiskDto } from '@provdash/shared/contracts';
import { isAllowed, residualLevel, riskLevel } from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { ApiError, conflict, notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { OrgUnit } from '../org-units/org-unit.entity';
import { CreateRiskBody, ReassessRiskBody } from './dto/project.dto';
import { riskDto } from './projects.service';
import { checkResidual, recordAssessment } from './risk-assessments';
import { Risk } from './risk.entity';

interface SubjectRow {
  kind: 'province' | 'project' | 'kpi';
  code: string;
  name_th: string;
  name_en: string;
  unit_code: string;
  unit_path: string;
  unit_type: 'province' | 'cluster' | 'region' | 'country';
}

/**
 * Organisation-level risks (a province's own), reassessment with the residual after treatment, and
 * a risk's screen with its kept assessments. Writes are saves in a transaction (audited by the
 * audit subscriber); a stale version gets 409.
 */
@Injectable()
export class RisksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createOrgRisk(unitCode: string, body: CreateRiskBody, claims: ActorClaims): Promise<RiskDto> {
    return this.dataSource.transaction(async (m) => {
      const unit = await m.findOne(OrgUnit, { where: { code: unitCode } });
      if (!unit) throw notFound('notFound.unit');
      if (unit.type !== 'province') throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'risk.notProvince');
      const risk = m.create(Risk, {
        projectId: null,
        kpiId: null,
        orgUnitId: unit.id,
        description: body.description.trim(),
        likelihood: body.likelihood,
        impact: body.impact,
        residualLikelihood: body.residualLikelihood ?? null,
        residualImpact: body.residualImpact ?? null,
        response: body.response,
        owner: body.owner.trim(),
        mitigation: body.mitigation ?? '',
        reviewDate: body.reviewDate ?? null,
      });
      checkResidual(risk);
      const saved = await m.save(risk);
      await recordAssessment(m, saved, claims.sub);
      return riskDto(saved);
    });
  }

  /** A new assessment: likelihood × impact now, the response and treatment, the residual after it. */
  async reassess(id: string, body: ReassessRiskBody, claims: ActorClaims): Promise<RiskDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const risk = await m.findOne(Risk, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!risk) throw notFound();
      if (risk.version !== body.version) throw conflict();
      if (risk.status === 'closed') throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'risk.closed');
      Object.assign(risk, {
        likelihood: body.likelihood,
        impact: body.impact,
        residualLikelihood: body.residualLikelihood ?? null,
        residualImpact: body.residualImpact ?? null,
        response: body.response,
        ...(body.mitigation !== undefined && { mitigation: body.mitigation }),
        ...(body.reviewDate !== undefined && { reviewDate: body.reviewDate }),
        // A reassessment that finds the same values is still one: the row's version moves with it.
        updatedAt: new Date(),
      });
      checkResidual(risk);
      const saved = await m.save(risk);
      await recordAssessment(m, saved, claims.sub, body.note?.trim() ?? '');
    });
    return this.detail(id, claims);
  }

  async detail(id: string, claims: ActorClaims): Promise<RiskDetailDto> {
    const risk = await this.dataSource.getRepository(Risk).findOne({ where: { id } });
    if (!risk) throw notFound();
    const [subject]: SubjectRow[] = await this.dataSource.query(
      `SELECT CASE WHEN r.org_unit_id IS NOT NULL THEN 'province' WHEN r.project_id IS NOT NULL THEN 'project' ELSE 'kpi' END AS kind,
              COALESCE(o.code, p.code, k.code) AS code,
              COALESCE(o.name_th, p.name_th, k.name_th) AS name_th,
              COALESCE(o.name_en, p.name_en, k.name_en) AS name_en,
              u.code AS unit_code, u.path AS unit_path, u.type AS unit_type
       FROM risk r
       LEFT JOIN org_unit o ON o.id = r.org_unit_id
       LEFT JOIN project p ON p.id = r.project_id
       LEFT JOIN kpi k ON k.id = r.kpi_id
       JOIN org_unit u ON u.id = COALESCE(r.org_unit_id, p.org_unit_id, k.org_unit_id)
       WHERE r.id = $1`,
      [id],
    );
    const rows: {
      id: string;
      likelihood: number;
      impact: number;
      residual_likelihood: number | null;
      residual_impact: number | null;
      response: RiskAssessmentDto['response'];
      note: string;
      assessed_by: string | null;
      assessed_at: Date;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.likelihood, a.impact, a.residual_likelihood, a.residual_impact, a.response, a.note,
              u.display_name AS assessed_by, a.assessed_at
       FROM risk_assessment a LEFT JOIN app_user u ON u.id = a.assessed_by
       WHERE a.risk_id = $1 ORDER BY a.assessed_at DESC, a.created_at DESC`,
      [id],
    );
    const history = rows.map((a): RiskAssessmentDto => {
      const inherent = riskLevel(a.likelihood, a.impact);
      const residual = residualLevel(a.residual_likelihood, a.residual_impact);
      return {
        id: a.id,
        likelihood: a.likelihood,
        impact: a.impact,
        score: inherent.score,
        band: inherent.band,
        residualLikelihood: a.residual_likelihood,
        residualImpact: a.residual_impact,
        residualScore: residual?.score ?? null,
        residualBand: residual?.band ?? null,
        response: a.response,
        note: a.note,
        assessedBy: a.assessed_by,
        assessedAt: new Date(a.assessed_at).toISOString(),
      };
    });
    return {
      risk: riskDto(risk),
      subject: { kind: subject.kind, code: subject.code, nameTh: subject.name_th, nameEn: subject.name_en },
      unitCode: subject.unit_code,
      history,
      mayEdit: isAllowed(
        { role: claims.role, scopePath: claims.scope },
        'write',
        { path: subject.unit_path, type: subject.unit_type },
      ),
    };
  }
}
