import { Injectable } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { EntityManager, QueryRunner } from 'typeorm';
import { DomainEventBus, OnDomainEvent } from './domain-event-bus';
import type { DomainEvents } from './domain-events';

type Imported = DomainEvents['kpiResults.imported'];
const payload: Imported = {
  unit: { code: '50', type: 'province', path: 'TH/north/C15/50' },
  fiscalYear: 2570,
  rows: 3,
};

/** What each reactor saw, in order. */
const log: string[] = [];

@Injectable()
class FirstReactor {
  @OnDomainEvent(['kpiResults.imported', 'kpiTarget.set'], 'in-transaction')
  async inTransaction(e: Imported | DomainEvents['kpiTarget.set'], m: EntityManager): Promise<void> {
    await Promise.resolve();
    log.push(`first in tx ${'rows' in e ? e.rows : e.target} ${(m as unknown as { name: string }).name}`);
  }

  @OnDomainEvent('kpiResults.imported', 'after-commit')
  afterCommit(e: Imported): void {
    log.push(`after commit ${e.rows}`);
  }
}

@Injectable()
class SecondReactor {
  @OnDomainEvent('kpiResults.imported', 'in-transaction')
  async inTransaction(e: Imported): Promise<void> {
    log.push(`second in tx ${e.rows}`);
    if (e.rows < 0) throw new Error('refused');
  }

  @OnDomainEvent('kpiResults.imported', 'after-commit')
  afterCommit(): void {
    throw new Error('a failing after-commit reactor');
  }
}

/** A transaction as TypeORM hands it to subscribers: a query runner with its `data`, active until the end. */
function transaction(): { m: EntityManager; runner: QueryRunner } {
  const runner = { isTransactionActive: true, data: {} } as unknown as QueryRunner;
  const m = { name: 'writer-manager', queryRunner: runner } as unknown as EntityManager;
  return { m, runner };
}

describe('DomainEventBus: the seam between writers and reactors', () => {
  let bus: DomainEventBus;
  const subscribers: unknown[] = [];

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [EventEmitterModule.forRoot()],
      providers: [
        DomainEventBus,
        FirstReactor,
        SecondReactor,
        { provide: getDataSourceToken(), useValue: { subscribers } },
      ],
    }).compile();
    module.useLogger(false);
    await module.init();
    bus = module.get(DomainEventBus);
  });

  beforeEach(() => (log.length = 0));

  it('registers itself as a TypeORM subscriber, to hear commits and rollbacks', () => {
    expect(subscribers).toContain(bus);
  });

  it('runs in-transaction reactors one after the other with the writer’s EntityManager, before publish returns', async () => {
    const { m } = transaction();
    await bus.publish(m, 'kpiResults.imported', payload);
    expect(log).toEqual(['first in tx 3 writer-manager', 'second in tx 3']);
  });

  it('holds after-commit reactors until the outermost commit; a released savepoint is not one', async () => {
    const { m, runner } = transaction();
    await bus.publish(m, 'kpiResults.imported', payload);
    log.length = 0;
    bus.afterTransactionCommit({ queryRunner: runner } as never); // a savepoint: still active
    expect(log).toEqual([]);
    (runner as { isTransactionActive: boolean }).isTransactionActive = false;
    bus.afterTransactionCommit({ queryRunner: runner } as never);
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['after commit 3']);
    // Heard once: a second commit hook on the same runner has nothing left.
    bus.afterTransactionCommit({ queryRunner: runner } as never);
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['after commit 3']);
  });

  it('drops after-commit reactors on rollback', async () => {
    const { m, runner } = transaction();
    await bus.publish(m, 'kpiResults.imported', payload);
    (runner as { isTransactionActive: boolean }).isTransactionActive = false;
    bus.afterTransactionRollback({ queryRunner: runner } as never);
    bus.afterTransactionCommit({ queryRunner: runner } as never);
    await new Promise((r) => setImmediate(r));
    expect(log).not.toContain('after commit 3');
  });

  it('runs after-commit reactors at once outside a transaction', async () => {
    const m = { name: 'autocommit', queryRunner: undefined } as unknown as EntityManager;
    await bus.publish(m, 'kpiResults.imported', payload);
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['first in tx 3 autocommit', 'second in tx 3', 'after commit 3']);
  });

  it('an in-transaction reactor’s error reaches the writer (and so rolls it back); nothing waits for the commit', async () => {
    const { m, runner } = transaction();
    await expect(bus.publish(m, 'kpiResults.imported', { ...payload, rows: -1 })).rejects.toThrow('refused');
    expect(runner.data).toEqual({});
  });

  it('listens to each of several names', async () => {
    const { m } = transaction();
    await bus.publish(m, 'kpiTarget.set', { unit: payload.unit, kpiId: 'k', fiscalYear: 2570, target: '1' });
    expect(log).toEqual(['first in tx 1 writer-manager']);
  });
});
