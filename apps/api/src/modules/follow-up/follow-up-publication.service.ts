import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FollowUpPublicationDto, PublicFollowUpDto } from '@provdash/shared/contracts';
import {
  canPublishFollowUp,
  type DirectiveState,
  directiveTimeliness,
  residualLevel,
  riskLevel,
  type RiskResponse,
} from '@provdash/shared/domain';
import { DataSource } from 'typeorm';
import { conflict, forbidden, notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { OrgUnit } from '../org-units/org-unit.entity';
import { FollowUpPublicationBody } from './dto/follow-up-publication.dto';
import { FollowUpPublication } from './follow-up-publication.entity';

/**
 * Open data for the follow-up loop: a province's directives and risks stay inside the province
 * until its governor publishes them (docs/open-data.md says why). The switch is a row, saved in a
 * transaction, so the audit subscriber records who turned it on or off and when.
 */
@Injectable()
export class FollowUpPublicationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async province(code: string): Promise<OrgUnit> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOne({ where: { code } });
    if (!unit || unit.type !== 'province') throw notFound('notFound.unit');
    return unit;
  }

  async get(code: string, claims: ActorClaims): Promise<FollowUpPublicationDto> {
    const unit = await this.province(code);
    const row = await this.dataSource.getRepository(FollowUpPublication).findOne({ where: { orgUnitId: unit.id } });
    return {
      unitCode: unit.code,
      public: row?.public ?? false,
      version: row?.version ?? 0,
      mayChange: canPublishFollowUp({ role: claims.role, scopePath: claims.scope }, unit),
    };
  }

  /** `version` 0 while the province has never chosen; a stale version gets 409. */
  async set(code: string, body: FollowUpPublicationBody, claims: ActorClaims): Promise<FollowUpPublicationDto> {
    const unit = await this.province(code);
    if (!canPublishFollowUp({ role: claims.role, scopePath: claims.scope }, unit))
      throw forbidden('followUp.notPublisher');
    await this.dataSource.transaction(async (m) => {
      const row = await m.findOne(FollowUpPublication, {
        where: { orgUnitId: unit.id },
        lock: { mode: 'pessimistic_write' },
      });
      if ((row?.version ?? 0) !== body.version) throw conflict();
      if (row) {
        row.public = body.public;
        await m.save(row);
      } else {
        // Two first choices racing: the loser's insert fails on the key and is answered as stale.
        await m.save(m.create(FollowUpPublication, { orgUnitId: unit.id, public: body.public })).catch((e) => {
          if ((e as { code?: string }).code === '23505') throw conflict();
          throw e;
        });
      }
    });
    return this.get(code, claims);
  }

  /** What anyone may read: nothing but `public: false` until the province publishes. */
  async publicView(code: string, now = new Date()): Promise<PublicFollowUpDto> {
    const unit = await this.province(code);
    const row = await this.dataSource.getRepository(FollowUpPublication).findOne({ where: { orgUnitId: unit.id } });
    if (!row?.public) return { code: unit.code, public: false, risks: [], directives: [] };
    const risks: {
      id: string;
      org_unit_id: string | null;
      description: string;
      likelihood: number;
      impact: number;
      residual_likelihood: number | null;
      residual_impact: number | null;
      response: RiskResponse;
      mitigation: string;
      review_date: string | null;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.org_unit_id, r.description, r.likelihood, r.impact, r.residual_likelihood, r.residual_impact,
              r.response, r.mitigation, to_char(r.review_date, 'YYYY-MM-DD') AS review_date
       FROM risk r LEFT JOIN project p ON p.id = r.project_id LEFT JOIN kpi k ON k.id = r.kpi_id
       WHERE r.status = 'open' AND COALESCE(r.org_unit_id, p.org_unit_id, k.org_unit_id) = $1
       ORDER BY r.likelihood * r.impact DESC, r.created_at`,
      [unit.id],
    );
    const directives: {
      id: string;
      title: string;
      owner_agency: string;
      due_date: string;
      state: DirectiveState;
      percent: number;
    }[] = await this.dataSource.query(
      `SELECT d.id, d.title, d.owner_agency, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.state, d.percent
       FROM directive d WHERE d.org_unit_id = $1 ORDER BY d.due_date, d.created_at`,
      [unit.id],
    );
    return {
      code: unit.code,
      public: true,
      risks: risks.map((r) => {
        const inherent = riskLevel(r.likelihood, r.impact);
        return {
          id: r.id,
          level: r.org_unit_id ? 'organisation' : 'operational',
          description: r.description,
          likelihood: r.likelihood,
          impact: r.impact,
          score: inherent.score,
          band: inherent.band,
          residualLikelihood: r.residual_likelihood,
          residualImpact: r.residual_impact,
          residualScore: residualLevel(r.residual_likelihood, r.residual_impact)?.score ?? null,
          response: r.response,
          treatment: r.mitigation,
          reviewDate: r.review_date,
        };
      }),
      directives: directives.map((d) => ({
        id: d.id,
        title: d.title,
        ownerAgency: d.owner_agency,
        dueDate: d.due_date,
        state: d.state,
        percent: d.percent,
        overdue: directiveTimeliness({ state: d.state, dueDate: d.due_date }, now).overdue,
      })),
    };
  }
}
