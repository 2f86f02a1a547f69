import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KpiStatusThresholdsDto } from '@provdash/shared/contracts';
import { DEFAULT_STATUS_THRESHOLDS, type StatusThresholds } from '@provdash/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventBus } from '../../common/domain-events/domain-event-bus';
import { ApiError, conflict } from '../../common/api-error';
import type { SaveStatusThresholdsBody } from './dto/status-thresholds.dto';
import { KpiStatusThreshold } from './kpi-status-threshold.entity';

/** The thresholds every KPI light of the year is judged with: the stored row, or the defaults. */
export async function statusThresholdsOf(m: EntityManager, fiscalYear: number): Promise<StatusThresholds> {
  const [row]: { green: string; amber: string }[] = await m.query(
    `SELECT green::text, amber::text FROM kpi_status_threshold WHERE fiscal_year = $1`,
    [fiscalYear],
  );
  return row ? { green: Number(row.green), amber: Number(row.amber) } : DEFAULT_STATUS_THRESHOLDS;
}

/**
 * The ministry's per-year KPI status thresholds (issue 18 item 5). A national setting: `write` on
 * the country. A first save creates the year's row; a change needs the version read (409 if stale).
 * Audited like every entity save; the event tells every screen that shows lights.
 */
@Injectable()
export class StatusThresholdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async get(fiscalYear: number): Promise<KpiStatusThresholdsDto> {
    const row = await this.dataSource.getRepository(KpiStatusThreshold).findOne({ where: { fiscalYear } });
    return row ? dto(row) : { fiscalYear, ...DEFAULT_STATUS_THRESHOLDS, version: null };
  }

  async save(fiscalYear: number, body: SaveStatusThresholdsBody): Promise<KpiStatusThresholdsDto> {
    if (body.amber > body.green) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'statusThresholds.invalid', [
        { field: 'amber', constraints: { amberAboveGreen: 'must not be above the green threshold' } },
      ]);
    }
    return this.dataSource.transaction(async (m) => {
      let row = await m.findOne(KpiStatusThreshold, { where: { fiscalYear }, lock: { mode: 'pessimistic_write' } });
      if (row && row.version !== body.version) throw conflict();
      row ??= m.create(KpiStatusThreshold, { fiscalYear });
      row.green = body.green;
      row.amber = body.amber;
      const saved = await m.save(row);
      await this.events.publish(m, 'kpiStatusThresholds.set', {
        fiscalYear,
        green: Number(saved.green),
        amber: Number(saved.amber),
      });
      return dto(saved);
    });
  }
}

function dto(r: KpiStatusThreshold): KpiStatusThresholdsDto {
  return { fiscalYear: r.fiscalYear, green: Number(r.green), amber: Number(r.amber), version: r.version };
}
