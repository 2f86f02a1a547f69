import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bangkokDateOf, daysBetween, type UnitType } from '@provdash/shared/domain';
import type { DataSource } from 'typeorm';
import { Jobs } from '../jobs/jobs.service';
import { Concern, directiveOverdueConcern } from './concerned';
import { NotificationsService } from './notifications.service';

/**
 * The daily overdue run (the scheduler's `directives.overdue` job, 07:10 Bangkok): every open
 * directive whose due day has passed tells its owner, once per directive per day (the day is in
 * the notification's key, so a retry or a second instance tells nobody twice).
 */
@Injectable()
export class DirectiveRemindersService implements OnModuleInit {
  private readonly log = new Logger('DirectiveReminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jobs: Jobs,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('directives.overdue', async (data) => {
      const made = await this.run(data.today ?? bangkokDateOf(new Date()));
      this.log.log(`Overdue directives: ${made} told`);
    });
  }

  /** What today's run calls for, without sending: one concern per overdue open directive. */
  async due(today: string): Promise<Concern[]> {
    const rows: {
      id: string;
      title: string;
      due_date: string;
      owner_user_id: string | null;
      unit_code: string;
      unit_type: UnitType;
      unit_path: string;
    }[] = await this.dataSource.query(
      `SELECT d.id, d.title, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.owner_user_id,
              u.code AS unit_code, u.type AS unit_type, u.path AS unit_path
       FROM directive d JOIN org_unit u ON u.id = d.org_unit_id
       WHERE d.state <> 'closed' AND d.due_date < $1::date
       ORDER BY d.due_date, d.id`,
      [today],
    );
    return rows.map((d) =>
      directiveOverdueConcern({
        id: d.id,
        title: d.title,
        dueDate: d.due_date,
        daysOverdue: daysBetween(d.due_date, today),
        ownerUserId: d.owner_user_id,
        unit: { code: d.unit_code, type: d.unit_type, path: d.unit_path },
        today,
      }),
    );
  }

  async run(today: string): Promise<number> {
    return this.notifications.notify(await this.due(today));
  }
}
