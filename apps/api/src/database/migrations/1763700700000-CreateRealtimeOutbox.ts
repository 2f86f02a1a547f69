import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live events go through an outbox: a write inserts its events in its own transaction, numbered per
 * room, and a relay sends them to sockets once the transaction has committed (PostgreSQL delivers
 * the NOTIFY only on commit). The numbered rows double as the catch-up log for reconnecting clients.
 * `socket_io_attachments` is where @socket.io/postgres-adapter keeps packets too large for a NOTIFY.
 */
export class CreateRealtimeOutbox1763700700000 implements MigrationInterface {
  name = 'CreateRealtimeOutbox1763700700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "realtime_room" (
        "room" varchar(64) NOT NULL,
        "seq" bigint NOT NULL,
        CONSTRAINT "realtime_room_pkey" PRIMARY KEY ("room")
      )`);
    await q.query(`
      CREATE TABLE "realtime_event" (
        "id" bigserial NOT NULL,
        "room" varchar(64) NOT NULL,
        "seq" bigint NOT NULL,
        "event" varchar(64) NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "relayed_at" timestamptz,
        CONSTRAINT "realtime_event_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "realtime_event_room_seq_key" UNIQUE ("room", "seq")
      )`);
    // The relay's work list: small, because relayed rows leave it at once.
    await q.query(`CREATE INDEX "realtime_event_pending_idx" ON "realtime_event" ("id") WHERE "relayed_at" IS NULL`);
    // Pruning by age.
    await q.query(`CREATE INDEX "realtime_event_created_at_idx" ON "realtime_event" ("created_at")`);
    await q.query(`
      CREATE TABLE "socket_io_attachments" (
        "id" bigserial UNIQUE,
        "created_at" timestamptz DEFAULT now(),
        "payload" bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "socket_io_attachments"`);
    await q.query(`DROP TABLE "realtime_event"`);
    await q.query(`DROP TABLE "realtime_room"`);
  }
}
