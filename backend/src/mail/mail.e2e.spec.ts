/**
 * Email by SMTP, against a real SMTP server run in the test (smtp-server, the receiving half of
 * nodemailer's project): invitations, password resets and key-date reminders arrive with working
 * links; a refusing server leaves the message failed and it is sent on a later round; without a
 * server the message is held in the outbox for an admin to read.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { makeCase, makeStaffedOrganisation, type Staff } from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { todayInLondon } from '../common/dates.js';
import { KeyDateRemindersService } from './key-date-reminders.service.js';
import { MailService } from './mail.service.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A mail server on a free local port that keeps what it receives, or refuses every recipient while `refusing`. */
async function startMailServer() {
  const received: Received[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.refusing) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The plain-text body of a received message: quoted-printable soft breaks and escapes undone, lines ending in \\n. */
const bodyOf = (raw: string) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('email by SMTP, and the outbox', () => {
  let smtp: Awaited<ReturnType<typeof startMailServer>>;
  let h: Harness;
  let staff: Staff;

  beforeAll(async () => {
    smtp = await startMailServer();
    h = await createHarness({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Riverside Law Centre <cases@riverside.example.org>',
        PUBLIC_URL: 'https://deepvalue.riverside.example.org/',
      },
    });
    staff = await makeStaffedOrganisation(h);
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  const outbox = async (query = '') =>
    (await h.as(staff.admin).get(`/api/outbox${query}`).expect(200)).body as {
      items: Array<{
        id: string;
        kind: string;
        to: string;
        subject: string;
        body: string;
        status: string;
        attempts: number;
        lastError: string | null;
      }>;
      total: number;
      smtpConfigured: boolean;
    };

  it('emails an invitation whose link sets the password, and keeps no usable link in the outbox once sent', async () => {
    const res = await h
      .as(staff.admin)
      .post('/api/users')
      .send({ email: 'new.adviser@riverside.example.org', name: 'Nia Adebayo', role: 'adviser' })
      .expect(201);
    expect(res.body.emailStatus).toBe('sent');
    const mail = smtp.received.find((m) => m.to.includes('new.adviser@riverside.example.org'));
    expect(mail?.from).toBe('cases@riverside.example.org');
    const body = bodyOf(mail!.raw);
    expect(body).toContain('Hello Nia Adebayo,');
    const url = /https:\/\/deepvalue\.riverside\.example\.org\/set-password\?token=([\w-]+)/.exec(body);
    expect(url?.[0]).toBe(`https://deepvalue.riverside.example.org${res.body.setPasswordUrl}`);
    await h
      .http()
      .post('/api/auth/set-password')
      .send({ token: url![1], password: 'a long and unusual pass phrase' })
      .expect(204);

    const page = await outbox();
    expect(page.smtpConfigured).toBe(true);
    const [sent] = page.items.filter((m) => m.to === 'new.adviser@riverside.example.org');
    expect(sent).toMatchObject({ kind: 'invitation', status: 'sent', attempts: 1, lastError: null });
    expect(sent.body).toContain('set-password?token=(sent by email)');
    expect(sent.body).not.toContain(url![1]);
  });

  it('emails a password reset link', async () => {
    const res = await h.as(staff.admin).post(`/api/users/${staff.adviser.id}/reset-password`).expect(200);
    expect(res.body.emailStatus).toBe('sent');
    const mail = smtp.received.filter((m) => m.to.includes(staff.adviser.email)).at(-1);
    expect(bodyOf(mail!.raw)).toContain(`https://deepvalue.riverside.example.org${res.body.setPasswordUrl}`);
    expect(mail!.raw).toMatch(/^Subject: Set a new password for Deep Value\r$/m);
  });

  it('reminds each adviser once a day of their open key dates overdue or due within the week, naming no client', async () => {
    const today = todayInLondon();
    const kase = await makeCase(h, staff.adviser, { openedOn: addDays(today, -40) });
    const other = await h.makeUser(staff.organisationId, 'adviser', { name: 'Other Adviser' });
    const add = (body: object) =>
      h
        .as(staff.adviser)
        .post(`/api/cases/${String(kase.id)}/key-dates`)
        .send(body)
        .expect(201);
    await add({ kind: 'hearing', title: 'Hearing for SECRET-CLIENT-NAME', dueOn: addDays(today, 3) });
    await add({ kind: 'limitation', title: 'Limitation', dueOn: addDays(today, -2) });
    await add({ kind: 'deadline', title: 'Far off', dueOn: addDays(today, 30) });
    const done = await add({ kind: 'task', title: 'Done already', dueOn: addDays(today, 1) });
    await h
      .as(staff.adviser)
      .patch(`/api/key-dates/${String(done.body.id)}`)
      .send({ version: done.body.version, done: true })
      .expect(200);
    await add({ kind: 'task', title: 'For the other adviser', dueOn: addDays(today, 6), assigneeId: other.id });

    const reminders = h.app.get(KeyDateRemindersService);
    const before = smtp.received.length;
    expect(await reminders.run()).toBe(2);
    const mails = smtp.received.slice(before);
    const toAdviser = mails.find((m) => m.to.includes(staff.adviser.email))!;
    const text = bodyOf(toAdviser.raw);
    expect(toAdviser.raw).toMatch(/^Subject: Key dates: 1 due this week, 1 overdue\r$/m);
    expect(text).toContain(`Overdue:\n- Limitation date, due`);
    expect(text).toContain(`- Hearing, due`);
    expect(text).toContain(`https://deepvalue.riverside.example.org/cases/${String(kase.id)}`);
    expect(text).not.toContain('SECRET-CLIENT-NAME');
    expect(text).not.toContain('Far off');
    expect(text).not.toContain('Task');
    const toOther = bodyOf(mails.find((m) => m.to.includes(other.email))!.raw);
    expect(toOther).toContain('- Task, due');
    expect(toOther).not.toContain('Hearing');

    expect(await reminders.run()).toBe(0);
    expect(smtp.received.length).toBe(before + 2);
    expect(await reminders.run(new Date(Date.now() + 86_400_000))).toBe(2);
  });

  it('leaves a message failed when the server refuses it, and sends it on a later round', async () => {
    smtp.state.refusing = true;
    const res = await h.as(staff.admin).post(`/api/users/${staff.manager.id}/reset-password`).expect(200);
    expect(res.body.emailStatus).toBe('failed');
    const [failed] = (await outbox('?status=failed')).items;
    expect(failed).toMatchObject({ kind: 'password_reset', to: staff.manager.email, attempts: 1 });
    expect(failed.lastError).toContain('Mailbox unavailable');
    expect(failed.body).toContain(res.body.setPasswordUrl);

    smtp.state.refusing = false;
    const mail = h.app.get(MailService);
    expect((await mail.send()).get(failed.id)).toBeUndefined(); // not before five minutes have passed
    await h.dataSource.query(`UPDATE outbox_messages SET claimed_at = now() - interval '6 minutes' WHERE id = $1`, [
      failed.id,
    ]);
    expect((await mail.send()).get(failed.id)).toBe('sent');
    const [sent] = (await outbox()).items.filter((m) => m.id === failed.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received.at(-1)!.to).toEqual([staff.manager.email]);
  });

  it('shows the outbox to its organisation’s admins only, and refuses a bad status', async () => {
    await h.as(staff.adviser).get('/api/outbox').expect(403);
    await h.as(staff.manager).get('/api/outbox').expect(403);
    const stranger = await makeStaffedOrganisation(h);
    expect((await h.as(stranger.admin).get('/api/outbox').expect(200)).body).toMatchObject({ items: [], total: 0 });
    const bad = await h.as(staff.admin).get('/api/outbox?status=lost').expect(400);
    expect(JSON.stringify(bad.body)).toContain('status');
  });
});

describe('email with no SMTP server configured', () => {
  let h: Harness;
  let staff: Staff;

  beforeAll(async () => {
    h = await createHarness();
    staff = await makeStaffedOrganisation(h);
  });
  afterAll(() => h.close());

  it('holds the invitation in the outbox, link and all, for an admin to read', async () => {
    const res = await h
      .as(staff.admin)
      .post('/api/users')
      .send({ email: 'held@riverside.example.org', name: 'Held Person', role: 'manager' })
      .expect(201);
    expect(res.body.emailStatus).toBe('held');
    const page = (await h.as(staff.admin).get('/api/outbox').expect(200)).body;
    expect(page.smtpConfigured).toBe(false);
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'invitation', to: 'held@riverside.example.org', status: 'held', attempts: 0 }),
    ]);
    expect(page.items[0].body).toContain(`http://localhost:3000${res.body.setPasswordUrl}`);
    expect(await h.app.get(MailService).send()).toEqual(new Map());
  });

  it('withdraws the held invitation when a new link is made, so only the link that works is there to pass on', async () => {
    const invited = await h
      .as(staff.admin)
      .post('/api/users')
      .send({ email: 'again@riverside.example.org', name: 'Again Person', role: 'adviser' })
      .expect(201);
    const reset = await h.as(staff.admin).post(`/api/users/${invited.body.user.id}/reset-password`).expect(200);
    expect(reset.body.emailStatus).toBe('held');
    const mine = (await h.as(staff.admin).get('/api/outbox').expect(200)).body.items.filter(
      (m: { to: string }) => m.to === 'again@riverside.example.org',
    );
    expect(mine.map((m: { kind: string; status: string }) => [m.kind, m.status])).toEqual([
      ['password_reset', 'held'],
      ['invitation', 'withdrawn'],
    ]);
    expect(mine[0].body).toContain(reset.body.setPasswordUrl);
    expect(mine[1].body).not.toContain(invited.body.setPasswordUrl);
    expect(mine[1].body).toContain('token=(replaced by a newer link)');
    const withdrawn = (await h.as(staff.admin).get('/api/outbox?status=withdrawn').expect(200)).body;
    expect(withdrawn.total).toBe(1);

    // Once the person sets their password with the new link, the held reset is withdrawn too.
    await h
      .http()
      .post('/api/auth/set-password')
      .send({
        token: new URL(reset.body.setPasswordUrl, 'http://x').searchParams.get('token'),
        password: 'quiet harbour lantern moss',
      })
      .expect(204);
    const after = (await h.as(staff.admin).get('/api/outbox?status=held').expect(200)).body.items;
    expect(after.filter((m: { to: string }) => m.to === 'again@riverside.example.org')).toEqual([]);
    const used = (await h.as(staff.admin).get('/api/outbox?status=withdrawn').expect(200)).body.items[0];
    expect(used).toMatchObject({ kind: 'password_reset', status: 'withdrawn' });
    expect(used.body).toContain('token=(used: the password is set)');
  });
});
