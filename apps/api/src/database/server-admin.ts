import { Client } from 'pg';

/**
 * Server-level chores that need a superuser (or CREATEROLE/CREATEDB) connection: the embedded
 * server at start and the test harness use them. The app itself never connects as a superuser:
 * it runs as the owner role created here, so revoked privileges (the audit trail's) really bind it.
 */
export async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The same server, another database and optionally another role. */
export function urlFor(url: string, database: string, credentials?: { user: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (credentials) {
    u.username = encodeURIComponent(credentials.user);
    u.password = encodeURIComponent(credentials.password);
  }
  return u.toString();
}

export async function ensureLoginRole(admin: Client, user: string, password: string): Promise<void> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
  const role = admin.escapeIdentifier(user);
  const secret = admin.escapeLiteral(password);
  if (rowCount) await admin.query(`ALTER ROLE ${role} LOGIN PASSWORD ${secret}`);
  else await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${secret}`);
}

export async function createDatabase(
  admin: Client,
  name: string,
  options: { owner: string; template?: string; ifMissing?: boolean },
): Promise<void> {
  if (options.ifMissing) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
  }
  const template = options.template ? ` TEMPLATE ${admin.escapeIdentifier(options.template)}` : '';
  await admin.query(
    `CREATE DATABASE ${admin.escapeIdentifier(name)}${template} OWNER ${admin.escapeIdentifier(options.owner)}`,
  );
}
