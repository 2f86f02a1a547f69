import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/api-error';
import type { UnitSource } from './access.decorators';
import type { ActorClaims, ResolvedUnit } from './actor';

const UNIT_COLUMNS = `u.id, u.code, u.path, u.type`;

/**
 * How to find the org unit of a row, per table that a route can name by id. Each module adds
 * its tables here when it adds routes; a route naming an entity missing here fails at start-up
 * of the test that walks the routes.
 */
export const UNIT_OF_ENTITY: Record<string, string> = {
  kpi: `SELECT ${UNIT_COLUMNS} FROM kpi x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  app_user: `SELECT ${UNIT_COLUMNS} FROM app_user x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  plan: `SELECT ${UNIT_COLUMNS} FROM plan x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  strategic_issue: `SELECT ${UNIT_COLUMNS} FROM strategic_issue x JOIN plan p ON p.id = x.plan_id
    JOIN org_unit u ON u.id = p.org_unit_id WHERE x.id = $1`,
  goal: `SELECT ${UNIT_COLUMNS} FROM goal x JOIN strategic_issue i ON i.id = x.issue_id JOIN plan p ON p.id = i.plan_id
    JOIN org_unit u ON u.id = p.org_unit_id WHERE x.id = $1`,
  strategy: `SELECT ${UNIT_COLUMNS} FROM strategy x JOIN goal g ON g.id = x.goal_id JOIN strategic_issue i ON i.id = g.issue_id
    JOIN plan p ON p.id = i.plan_id JOIN org_unit u ON u.id = p.org_unit_id WHERE x.id = $1`,
  agreement: `SELECT ${UNIT_COLUMNS} FROM agreement x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  agreement_indicator: `SELECT ${UNIT_COLUMNS} FROM agreement_indicator x JOIN agreement a ON a.id = x.agreement_id
    JOIN org_unit u ON u.id = a.org_unit_id WHERE x.id = $1`,
  project: `SELECT ${UNIT_COLUMNS} FROM project x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  risk: `SELECT ${UNIT_COLUMNS} FROM risk x LEFT JOIN project p ON p.id = x.project_id LEFT JOIN kpi k ON k.id = x.kpi_id
    JOIN org_unit u ON u.id = COALESCE(x.org_unit_id, p.org_unit_id, k.org_unit_id) WHERE x.id = $1`,
  disbursement_batch: `SELECT ${UNIT_COLUMNS} FROM disbursement_batch x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  monthly_report: `SELECT ${UNIT_COLUMNS} FROM monthly_report x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  directive: `SELECT ${UNIT_COLUMNS} FROM directive x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  meeting: `SELECT ${UNIT_COLUMNS} FROM meeting x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
  kpi_comment: `SELECT ${UNIT_COLUMNS} FROM kpi_comment x JOIN org_unit u ON u.id = x.org_unit_id WHERE x.id = $1`,
};

@Injectable()
export class UnitResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(source: UnitSource, req: Request, actor: ActorClaims | null): Promise<ResolvedUnit> {
    if (source.kind === 'national') return this.byCode('TH');
    const bag = (source.from === 'param' ? req.params : source.from === 'query' ? req.query : req.body) ?? {};
    const raw = (bag as Record<string, unknown>)[source.key];
    if (source.kind === 'code') {
      if ((raw === undefined || raw === '') && source.defaultToScope && actor) return this.byCode(actor.scopeCode);
      if (typeof raw !== 'string' || raw.length > 16) throw notFound('notFound.unit');
      return this.byCode(raw);
    }
    if (typeof raw !== 'string' || !isUUID(raw)) throw notFound();
    const sql = UNIT_OF_ENTITY[source.entity];
    if (!sql) throw new Error(`No unit lookup for entity "${source.entity}"`);
    const [row] = await this.dataSource.query(sql, [raw]);
    if (!row) throw notFound();
    return row;
  }

  async byCode(code: string): Promise<ResolvedUnit> {
    const [row] = await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM org_unit u WHERE u.code = $1`, [code]);
    if (!row) throw notFound('notFound.unit');
    return row;
  }
}
