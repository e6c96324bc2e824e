import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BotProcess, freePort } from '../support/bot-process';
import { cardsIn, cardText } from '../support/cards-in';
import { RecordingConnector } from '../support/recording-connector';
import { message, teamsUser } from '../support/teams-activities';

/** These run the compiled bot (`npm test` builds first) exactly as `npm start` does. */
describe('the bot process', () => {
  const connector = new RecordingConnector();
  let serviceUrl = '';
  let dataDir = '';
  let bot: BotProcess | undefined;
  beforeAll(async () => {
    serviceUrl = await connector.start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-crash-'));
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (port: number, activity: unknown) =>
    fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

  it('when the bot is killed with SIGKILL two seconds after a language choice, then after a restart the choice is still there', async () => {
    const port = await freePort();
    bot = new BotProcess({ PORT: String(port), DATA_DIR: dataDir });
    bot.start();
    await bot.healthy(port);
    const user = teamsUser({ locale: 'en-GB' });
    expect((await post(port, message(user, serviceUrl, 'Cymraeg'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));
    await bot.kill9();

    bot.start();
    await bot.healthy(port);
    connector.clear();
    await post(port, message(user, serviceUrl, 'help'));
    expect(cardText(cardsIn(connector.sent)[0]!)).toContain('Beth alla i ei wneud');
    await bot.stop();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ BOT_TYPE: 'Everyone' }, 'BOT_TYPE'],
    [{ ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' }, 'ALLOWED_TENANT_IDS'],
  ])('when started with %j, then it stops at once with a message naming %s', async (env, name) => {
    const process = new BotProcess({ DATA_DIR: dataDir, ...env });
    process.start();
    expect(await process.exited()).toBe(1);
    expect(process.output).toContain(name);
  });

  it('when /healthz is asked before and after start-up, then it answers 200 only once the bot is ready', async () => {
    const port = await freePort();
    const early = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 'refused');
    expect(early).toBe('refused');
    bot = new BotProcess({ PORT: String(port), DATA_DIR: dataDir });
    bot.start();
    await bot.healthy(port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await bot.stop();
  });
});
