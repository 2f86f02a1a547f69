import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgreementTemplateDto } from '@provdash/shared/contracts';
import { formatDecimal, isAllowed } from '@provdash/shared/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { conflict, notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { AgreementTemplateIndicator } from './agreement-template-indicator.entity';
import { AgreementTemplate } from './agreement-template.entity';
import { assertNoProblems, indicatorProblems, indicatorSetProblems } from './agreement-validation';
import { CreateTemplateBody, IndicatorInputBody, UpdateTemplateIndicatorBody, VersionBody } from './dto/agreement.dto';
import { levelsOf, setLevels } from './indicator-definition';

const NATIONAL = { path: 'TH', type: 'country' as const };

export function templateDto(t: AgreementTemplate, indicators: AgreementTemplateIndicator[]): AgreementTemplateDto {
  return {
    id: t.id,
    fiscalYear: t.fiscalYear,
    nameTh: t.nameTh,
    nameEn: t.nameEn,
    status: t.status,
    version: t.version,
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      nameTh: i.nameTh,
      nameEn: i.nameEn,
      unitTh: i.unitTh,
      unitEn: i.unitEn,
      direction: i.direction,
      kind: i.kind,
      weight: i.weight,
      levels: levelsOf(i),
      kpiCode: i.kpiCode,
      seq: i.seq,
      version: i.version,
    })),
  };
}

/** Weights are stored with their two decimals, so an unchanged weight is never an update. */
export const weightText = (weight: string | number) => formatDecimal(weight, 2);

/**
 * The national templates of the performance agreement. Central staff build a draft indicator by
 * indicator, then publish it: only a template whose weights sum to 100 and whose criterion values
 * are usable is published, and a published template no longer changes.
 */
@Injectable()
export class AgreementTemplatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published templates for everyone; drafts too for those who write national settings. */
  async list(fiscalYear: number | undefined, actor: ActorClaims | null): Promise<AgreementTemplateDto[]> {
    const templates = await this.dataSource.getRepository(AgreementTemplate).find({
      where: {
        ...(fiscalYear && { fiscalYear }),
        ...(!this.seesDrafts(actor) && { status: 'published' as const }),
      },
      order: { fiscalYear: 'DESC', createdAt: 'ASC' },
    });
    const indicators = templates.length
      ? await this.dataSource.getRepository(AgreementTemplateIndicator).find({
          where: { templateId: In(templates.map((t) => t.id)) },
          order: { seq: 'ASC', code: 'ASC' },
        })
      : [];
    return templates.map((t) =>
      templateDto(
        t,
        indicators.filter((i) => i.templateId === t.id),
      ),
    );
  }

  async get(id: string, actor: ActorClaims | null): Promise<AgreementTemplateDto> {
    const template = await this.dataSource.getRepository(AgreementTemplate).findOneBy({ id });
    if (!template || (template.status === 'draft' && !this.seesDrafts(actor))) throw notFound();
    return this.dto(this.dataSource.manager, template);
  }

  async create(body: CreateTemplateBody): Promise<AgreementTemplateDto> {
    return this.dataSource.transaction(async (m) => {
      const template = await m.save(
        m.create(AgreementTemplate, {
          fiscalYear: body.fiscalYear,
          nameTh: body.nameTh,
          nameEn: body.nameEn,
          status: 'draft',
        }),
      );
      return templateDto(template, []);
    });
  }

  async addIndicator(templateId: string, body: IndicatorInputBody): Promise<AgreementTemplateDto> {
    return this.dataSource.transaction(async (m) => {
      const template = await this.draft(m, templateId);
      assertNoProblems(indicatorProblems(body));
      const count = await m.count(AgreementTemplateIndicator, { where: { templateId } });
      const indicator = m.create(AgreementTemplateIndicator, {
        templateId,
        code: body.code,
        nameTh: body.nameTh,
        nameEn: body.nameEn,
        unitTh: body.unitTh,
        unitEn: body.unitEn,
        direction: body.direction,
        kind: body.kind,
        weight: weightText(body.weight),
        kpiCode: body.kpiCode ?? null,
        seq: count + 1,
      });
      setLevels(indicator, body.levels);
      await m.save(indicator);
      return this.dto(m, template);
    });
  }

  async updateIndicator(
    templateId: string,
    indicatorId: string,
    body: UpdateTemplateIndicatorBody,
  ): Promise<AgreementTemplateDto> {
    return this.dataSource.transaction(async (m) => {
      const template = await this.draft(m, templateId);
      const indicator = await m.findOne(AgreementTemplateIndicator, {
        where: { id: indicatorId, templateId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!indicator) throw notFound();
      if (indicator.version !== body.version) throw conflict();
      for (const field of ['nameTh', 'nameEn', 'unitTh', 'unitEn', 'seq'] as const) {
        if (body[field] !== undefined) (indicator as unknown as Record<string, unknown>)[field] = body[field];
      }
      if (body.kpiCode !== undefined) indicator.kpiCode = body.kpiCode;
      if (body.weight !== undefined) indicator.weight = weightText(body.weight);
      if (body.levels !== undefined) setLevels(indicator, body.levels);
      assertNoProblems(
        indicatorProblems({
          ...indicator,
          weight: body.weight ?? indicator.weight,
          levels: body.levels ?? levelsOf(indicator),
        }),
      );
      await m.save(indicator);
      return this.dto(m, template);
    });
  }

  /** A template is published whole: its indicators must form a valid agreement. */
  async publish(templateId: string, body: VersionBody): Promise<AgreementTemplateDto> {
    return this.dataSource.transaction(async (m) => {
      const template = await this.draft(m, templateId);
      if (template.version !== body.version) throw conflict();
      const indicators = await this.indicators(m, templateId);
      assertNoProblems(indicatorSetProblems(indicators.map((i) => ({ ...i, levels: levelsOf(i) }))));
      template.status = 'published';
      await m.save(template);
      return templateDto(template, indicators);
    });
  }

  private seesDrafts(actor: ActorClaims | null): boolean {
    return actor !== null && isAllowed({ role: actor.role, scopePath: actor.scope }, 'write', NATIONAL);
  }

  /** The template, locked for the change, provided it is still a draft. */
  private async draft(m: EntityManager, id: string): Promise<AgreementTemplate> {
    const template = await m.findOne(AgreementTemplate, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!template) throw notFound();
    if (template.status !== 'draft') throw conflict('agreement.templateNotDraft');
    return template;
  }

  private indicators(m: EntityManager, templateId: string) {
    return m.find(AgreementTemplateIndicator, { where: { templateId }, order: { seq: 'ASC', code: 'ASC' } });
  }

  private async dto(m: EntityManager, template: AgreementTemplate): Promise<AgreementTemplateDto> {
    return templateDto(template, await this.indicators(m, template.id));
  }
}
