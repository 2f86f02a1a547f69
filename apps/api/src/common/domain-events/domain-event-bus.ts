import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import type { DomainEventName, DomainEvents } from './domain-events';

/**
 * When a reactor runs, chosen by the reactor and visible at its declaration:
 * - `in-transaction`: awaited inside the writer's transaction, one handler after the other, with the
 *   writer's EntityManager. What it writes commits or rolls back with the writer's rows (the outbox
 *   rows, a recomputed score); an error it throws fails the write.
 * - `after-commit`: once the writer's transaction has committed (at once when there was none); never
 *   after a rollback. It gets the payload only; its errors are logged and never reach the writer,
 *   whose data is already in. For what may lag or be lost with the process: e-mail, push, LINE.
 */
export type DomainEventPhase = 'in-transaction' | 'after-commit';

const channel = (phase: DomainEventPhase, name: DomainEventName) => `${phase}:${name}`;
/** Where `publish` leaves after-commit events on the transaction's query runner. */
const PENDING_KEY = 'domainEvents';

type Pending = { name: DomainEventName; payload: unknown }[];

type Handler<K extends DomainEventName, P extends DomainEventPhase> = P extends 'in-transaction'
  ? (event: DomainEvents[K], m: EntityManager) => Promise<void>
  : (event: DomainEvents[K]) => unknown;

/**
 * Marks a reactor method. The names are checked against the event map and the method against the
 * phase's signature: an in-transaction handler receives the writer's EntityManager.
 */
export function OnDomainEvent<K extends DomainEventName, P extends DomainEventPhase>(
  names: K | readonly K[],
  phase: P,
): <H extends Handler<K, P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>) => void {
  const channels = (typeof names === 'string' ? [names] : [...names]).map((n) => channel(phase, n));
  // In the transaction an error must reach the writer (and roll it back); after the commit it is logged.
  // One OnEvent per name: EventEmitter2 reads an array as one namespaced name.
  const decorators = channels.map((c) => OnEvent(c, { suppressErrors: phase === 'after-commit' }));
  return ((target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  }) as never;
}

/**
 * The seam between writers and reactors. A writer publishes what happened, with its
 * transaction's EntityManager, and knows nothing of who listens: in-transaction handlers run now,
 * in order of registration, each awaited; after-commit handlers wait for TypeORM's
 * afterTransactionCommit hook on the same query runner (a released savepoint does not count; a
 * rollback drops them). Publishing with a manager outside any transaction (`dataSource.manager`)
 * runs both kinds at once.
 */
@Injectable()
export class DomainEventBus implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly emitter: EventEmitter2,
  ) {
    dataSource.subscribers.push(this);
  }

  async publish<K extends DomainEventName>(m: EntityManager, name: K, payload: DomainEvents[K]): Promise<void> {
    for (const handler of this.emitter.listeners(channel('in-transaction', name))) {
      await handler(payload, m);
    }
    const runner = m.queryRunner;
    if (runner?.isTransactionActive) {
      ((runner.data[PENDING_KEY] ??= []) as Pending).push({ name, payload });
    } else {
      this.afterCommit(name, payload);
    }
  }

  /**
   * For a reactor that handles many events in one place and needs their names (notifications:
   * one table of rules by event): `handler` runs after commit for each of `names`. Its errors are
   * caught and given to `onError`, never to the writer.
   */
  onAfterCommit<K extends DomainEventName>(
    names: readonly K[],
    handler: <N extends K>(name: N, payload: DomainEvents[N]) => Promise<void>,
    onError: (error: unknown, name: K) => void,
  ): void {
    for (const name of names) {
      this.emitter.on(channel('after-commit', name), (payload: DomainEvents[K]) => {
        const work = handler(name, payload).catch((error: unknown) => onError(error, name));
        this.inFlight.add(work);
        void work.finally(() => this.inFlight.delete(work));
      });
    }
  }

  private readonly inFlight = new Set<Promise<unknown>>();

  /** Resolves once the `onAfterCommit` handlers under way have finished (specs: what a request caused afterwards). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    for (const { name, payload } of this.take(event.queryRunner.data)) this.afterCommit(name, payload);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.take(event.queryRunner.data);
  }

  private afterCommit(name: DomainEventName, payload: unknown): void {
    // Each listener catches and logs its own error (suppressErrors), so none reaches this caller.
    this.emitter.emit(channel('after-commit', name), payload);
  }

  private take(data: Record<string, unknown>): Pending {
    const pending = (data[PENDING_KEY] ?? []) as Pending;
    delete data[PENDING_KEY];
    return pending;
  }
}
