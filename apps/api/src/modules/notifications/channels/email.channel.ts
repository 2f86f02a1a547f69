import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { SendMailOptions } from 'nodemailer';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppConfig } from '../../../config/app-config';
import type { ChannelMessage, DigestMessage, NotificationChannel, Recipient } from './channel';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const FOOTER = {
  th: 'ตั้งค่าการแจ้งเตือนได้ที่หน้า "บัญชีของฉัน"',
  en: 'Change what you receive on your "My account" page',
};
const OPEN = { th: 'เปิดดู', en: 'Open' };
/**
 * SMTP connections kept open per API instance. Five (nodemailer's default) held 1,000 messages to
 * about 300 a second (e-mail p95 4.5 s in the notifications benchmark); sixteen, 2.1 s. A relay that
 * allows fewer per client takes `?maxConnections=` in SMTP_URL.
 */
export const SMTP_CONNECTIONS = 16;

/** The e-mail of one notification: plain text and HTML, in the person's language, the link in both. */
export function renderEmail(to: Recipient, m: Pick<ChannelMessage, 'title' | 'body' | 'url'>) {
  const l = to.locale;
  const text = [m.title, '', m.body, '', `${OPEN[l]}: ${m.url}`, '', '--', FOOTER[l]].join('\n');
  const html = `<!doctype html><html lang="${l}"><body style="font-family:Sarabun,Tahoma,sans-serif;line-height:1.5">
<h2 style="font-size:18px">${escapeHtml(m.title)}</h2>
${m.body ? `<p>${escapeHtml(m.body)}</p>` : ''}
<p><a href="${escapeHtml(m.url)}" style="display:inline-block;padding:8px 16px;background:#1a4f8b;color:#fff;text-decoration:none;border-radius:4px">${OPEN[l]}</a></p>
<p style="color:#666;font-size:12px">${FOOTER[l]}</p></body></html>`;
  return { subject: m.title, text, html };
}

export function renderDigestEmail(to: Recipient, d: DigestMessage) {
  const l = to.locale;
  const text = [
    d.title,
    ...d.sections.flatMap((s) => ['', s.heading, ...s.items.map((i) => `- ${i.title}\n  ${i.url}`)]),
    '',
    `${OPEN[l]}: ${d.url}`,
    '',
    '--',
    FOOTER[l],
  ].join('\n');
  const html = `<!doctype html><html lang="${l}"><body style="font-family:Sarabun,Tahoma,sans-serif;line-height:1.5">
<h2 style="font-size:18px">${escapeHtml(d.title)}</h2>
${d.sections
  .map(
    (s) =>
      `<h3 style="font-size:15px">${escapeHtml(s.heading)}</h3><ul>${s.items
        .map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a></li>`)
        .join('')}</ul>`,
  )
  .join('\n')}
<p style="color:#666;font-size:12px">${FOOTER[l]}</p></body></html>`;
  return { subject: d.title, text, html };
}

/** E-mail over SMTP (nodemailer, on its own thread: email.worker.js), when SMTP_URL is set. */
@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleDestroy {
  readonly name = 'email' as const;
  readonly quiet = false;
  private readonly log = new Logger('EmailChannel');
  private sender?: { worker: Worker; waiting: Map<number, { resolve: () => void; reject: (e: Error) => void }> };
  private seq = 0;

  constructor(private readonly config: AppConfig) {}

  available(): boolean {
    return !!this.config.SMTP_URL;
  }

  reachable(to: Recipient): boolean {
    return !!to.email;
  }

  /**
   * The sending thread, started on the first message and again after it stopped. Its transport is
   * pooled: a few connections kept open and reused, rather than a connection (and its greeting,
   * EHLO and possibly TLS) per message. `?pool=false` or `?maxConnections=` in SMTP_URL override it.
   */
  private thread() {
    if (this.sender) return this.sender;
    const url = new URL(this.config.SMTP_URL as string);
    if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
    if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', String(SMTP_CONNECTIONS));
    const worker = new Worker(join(__dirname, 'email.worker.js'), { workerData: { url: url.href, from: this.config.SMTP_FROM } });
    // The HTTP server decides when the process ends, not this thread.
    worker.unref();
    const sender = { worker, waiting: new Map<number, { resolve: () => void; reject: (e: Error) => void }>() };
    worker.on('message', (r: { seq: number; error?: string }) => {
      const w = sender.waiting.get(r.seq);
      sender.waiting.delete(r.seq);
      if (r.error) w?.reject(new Error(r.error));
      else w?.resolve();
    });
    // A thread that fails or exits fails what it held (each is retried by the scheduler); the next message starts a new one.
    const stopped = (error: Error) => {
      if (this.sender === sender) this.sender = undefined;
      for (const w of sender.waiting.values()) w.reject(error);
      sender.waiting.clear();
    };
    worker.on('error', (e) => {
      this.log.error(`The e-mail thread failed: ${e.message}`);
      stopped(e);
    });
    worker.on('exit', (code) => stopped(new Error(`The e-mail thread stopped (exit code ${code})`)));
    this.sender = sender;
    return sender;
  }

  async send(to: Recipient, message: ChannelMessage): Promise<void> {
    await this.mail(to, renderEmail(to, message), message.deliveryId);
  }

  async sendDigest(to: Recipient, digest: DigestMessage): Promise<void> {
    await this.mail(to, renderDigestEmail(to, digest));
  }

  private mail(to: Recipient, m: { subject: string; text: string; html: string }, id?: string): Promise<void> {
    const mail: SendMailOptions = {
      from: this.config.SMTP_FROM,
      to: { name: to.displayName, address: to.email },
      subject: m.subject,
      text: m.text,
      html: m.html,
      ...(id ? { messageId: `<${id}@provdash>` } : {}),
    };
    const { worker, waiting } = this.thread();
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, mail });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.sender?.worker.terminate();
  }
}
