import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AppConfig } from '../../../config/app-config';
import type { Recipient } from './channel';
import { EmailChannel } from './email.channel';

const governor: Recipient = {
  userId: 'u1',
  email: 'governor@example.go.th',
  displayName: 'ผู้ว่าราชการจังหวัดเชียงใหม่',
  locale: 'th',
  lineUserId: null,
  pushDevices: 0,
  pushSubscriptions: [],
};
const message = {
  deliveryId: '6f1c7a52-1d0e-4a52-9f55-0f3c1b0c8a11',
  notificationId: 'n1',
  kind: 'kpi.red' as const,
  title: 'ตัวชี้วัดเป็นสีแดง: K1.2.1',
  body: 'ผลงานเดือนพฤศจิกายนต่ำกว่าเกณฑ์',
  url: 'https://provdash.example.go.th/province/50',
  urgent: false,
};
const channelTo = (smtpUrl: string) =>
  new EmailChannel({ SMTP_URL: smtpUrl, SMTP_FROM: 'ProvDash <noreply@example.go.th>' } as AppConfig);

/** The e-mail channel sends on its own thread (email.worker.js): through a real SMTP server, and what happens when the thread stops. */
describe('EmailChannel', () => {
  const received: Buffer[] = [];
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the message from its thread: Thai subject, both parts, the delivery as Message-ID', async () => {
    const channel = channelTo(url);
    await channel.send(governor, message);
    await channel.onModuleDestroy();
    const mail = await simpleParser(received[received.length - 1]);
    expect(mail.subject).toBe(message.title);
    expect(mail.to && 'value' in mail.to ? mail.to.value[0].address : null).toBe('governor@example.go.th');
    expect(mail.text).toContain('เปิดดู: https://provdash.example.go.th/province/50');
    expect(mail.html).toContain('href="https://provdash.example.go.th/province/50"');
    expect(mail.messageId).toBe(`<${message.deliveryId}@provdash>`);
  });

  it('starts a new thread for the next message once the last one stopped', async () => {
    const channel = channelTo(url);
    const before = received.length;
    await channel.send(governor, message);
    await channel.onModuleDestroy(); // the thread is gone
    await channel.send(governor, { ...message, deliveryId: '0b7c5d1e-3a2f-4e8b-9c6d-5f4e3d2c1b0a' });
    await channel.onModuleDestroy();
    expect(received.length).toBe(before + 2);
  });

  it('fails the send when the server cannot be reached, so the scheduler retries it', async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const channel = channelTo(`smtp://127.0.0.1:${port}`);
    await expect(channel.send(governor, message)).rejects.toThrow(/ECONNREFUSED/);
    await channel.onModuleDestroy();
  });
});
