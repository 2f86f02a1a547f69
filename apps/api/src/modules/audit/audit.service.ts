import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventDto, PageDto } from '@provdash/shared/contracts';
import { DataSource } from 'typeorm';
import type { ResolvedUnit } from '../access/actor';
import { AuditQueryDto } from './dto/audit-query.dto';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One query: the page and the total (window count), newest first, limited to the unit's subtree. */
  async search(unit: ResolvedUnit, q: AuditQueryDto): Promise<PageDto<AuditEventDto>> {
    const params: unknown[] = [unit.path];
    const where = [
      `(u.path = $1 OR u.path LIKE $1 || '/%'${unit.type === 'country' ? ' OR a.org_unit_id IS NULL' : ''})`,
    ];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.entity) add('a.entity = ?', q.entity);
    if (q.entityId) add('a.entity_id = ?', q.entityId);
    if (q.userId) add('a.user_id = ?', q.userId);
    if (q.from) add('a.at >= ?', q.from);
    if (q.to) add('a.at < ?', q.to);
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows: (AuditEventDto & { total: number })[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.user_id AS "userId", usr.email AS "userEmail", a.action, a.entity,
              a.entity_id AS "entityId", u.code AS "orgUnitCode", a.before, a.after, a.request_id AS "requestId",
              count(*) OVER ()::int AS total
       FROM audit_event a
       LEFT JOIN org_unit u ON u.id = a.org_unit_id
       LEFT JOIN app_user usr ON usr.id = a.user_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.at DESC, a.id DESC
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: rows.map(({ total: _total, ...r }) => ({ ...r, at: new Date(r.at).toISOString() })),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
