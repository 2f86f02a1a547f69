import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModerationCommentDto, PublicCommentDto } from '@provdash/shared/contracts';
import { DataSource } from 'typeorm';
import { conflict, notFound } from '../../common/api-error';
import type { ActorClaims } from '../access/actor';
import { Kpi } from '../kpis/kpi.entity';
import { NewCommentBody } from './dto/comment.dto';
import { CommentStatus, KpiComment } from './kpi-comment.entity';

const toPublic = (c: KpiComment): PublicCommentDto => ({
  id: c.id,
  authorName: c.authorName,
  body: c.body,
  period: c.period,
  createdAt: c.createdAt.toISOString(),
});

/**
 * People's Audit. Comments arrive pending and stay out of every public answer until the province's
 * approver approves them; hiding takes one back out. Every change is a `save` in a transaction, so
 * the audit trail records the comment (writer: nobody signed in) and each moderation (who, when).
 */
@Injectable()
export class CommentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async submit(kpiId: string, body: NewCommentBody): Promise<{ id: string; status: CommentStatus }> {
    return this.dataSource.transaction(async (m) => {
      const kpi = await m.findOne(Kpi, {
        where: { id: kpiId },
        select: { id: true, orgUnitId: true, retiredAt: true },
      });
      if (!kpi || kpi.retiredAt) throw notFound();
      const saved = await m.save(
        m.create(KpiComment, {
          kpiId,
          orgUnitId: kpi.orgUnitId,
          period: body.period ?? null,
          authorName: body.authorName || null,
          body: body.body,
          status: 'pending',
        }),
      );
      return { id: saved.id, status: saved.status };
    });
  }

  /** Approved comments of a KPI, newest first: all the public ever sees. */
  async approved(kpiId: string): Promise<PublicCommentDto[]> {
    const rows = await this.dataSource.manager.find(KpiComment, {
      where: { kpiId, status: 'approved' },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(toPublic);
  }

  async queue(code: string, status: CommentStatus): Promise<ModerationCommentDto[]> {
    const rows = await this.dataSource.manager.find(KpiComment, {
      where: { status, orgUnit: { code } },
      relations: { kpi: true },
      order: { createdAt: status === 'pending' ? 'ASC' : 'DESC' },
      take: 500,
    });
    return rows.map((c) => this.toModeration(c));
  }

  async moderate(
    commentId: string,
    to: 'approved' | 'hidden',
    version: number,
    actor: ActorClaims,
  ): Promise<ModerationCommentDto> {
    return this.dataSource.transaction(async (m) => {
      const c = await m.findOne(KpiComment, { where: { id: commentId }, relations: { kpi: true } });
      if (!c) throw notFound();
      if (c.version !== version) throw conflict();
      c.status = to;
      c.moderatedBy = actor.sub;
      c.moderatedAt = new Date();
      return this.toModeration(await m.save(c));
    });
  }

  private toModeration(c: KpiComment): ModerationCommentDto {
    return {
      ...toPublic(c),
      kpiId: c.kpiId,
      kpiCode: c.kpi.code,
      kpiNameTh: c.kpi.nameTh,
      status: c.status,
      moderatedAt: c.moderatedAt?.toISOString() ?? null,
      version: c.version,
    };
  }
}
