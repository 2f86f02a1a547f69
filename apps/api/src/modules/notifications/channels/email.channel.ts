import { Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
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

/** E-mail over SMTP (nodemailer), when SMTP_URL is set. */
@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleDestroy {
  readonly name = 'email' as const;
  readonly quiet = false;
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  available(): boolean {
    return !!this.config.SMTP_URL;
  }

  reachable(to: Recipient): boolean {
    return !!to.email;
  }

  /**
   * Pooled: a few connections kept open and reused, rather than a connection (and its greeting,
   * EHLO and possibly TLS) per message; a thousand people told at once are a thousand messages.
   * `?pool=false` or `?maxConnections=` in SMTP_URL override it.
   */
  private transporter(): Transporter {
    if (!this.transport) {
      const url = new URL(this.config.SMTP_URL as string);
      if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
      if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', String(SMTP_CONNECTIONS));
      this.transport = nodemailer.createTransport(url.href, { from: this.config.SMTP_FROM });
    }
    return this.transport;
  }

  async send(to: Recipient, message: ChannelMessage): Promise<void> {
    await this.mail(to, renderEmail(to, message), message.deliveryId);
  }

  async sendDigest(to: Recipient, digest: DigestMessage): Promise<void> {
    await this.mail(to, renderDigestEmail(to, digest));
  }

  private async mail(to: Recipient, m: { subject: string; text: string; html: string }, id?: string) {
    await this.transporter().sendMail({
      from: this.config.SMTP_FROM,
      to: { name: to.displayName, address: to.email },
      subject: m.subject,
      text: m.text,
      html: m.html,
      ...(id ? { messageId: `<${id}@provdash>` } : {}),
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
