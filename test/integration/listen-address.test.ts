import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging/logger';
import { startBot, type RunningBot } from '../../bot/start-bot';

const APP = { BOT_ID: '0b5e3c1a-1111-4222-8333-944445555666', BOT_PASSWORD: 'not-a-real-secret', ALLOWED_TENANT_IDS: '*' };

/** Starts the bot as `npm start` would (no host chosen by the caller unless given), reads where it listens, stops it. */
async function boundAddress(env: Record<string, string>, host?: string): Promise<{ address: string; healthy: number }> {
  const bot: RunningBot = await startBot(loadConfig({ PORT: '0', ...env }), createLogger({ quiet: true }), {
    persist: false,
    proactiveLoop: false,
    ...(host ? { host } : {}),
  });
  try {
    const healthy = (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status;
    return { address: bot.address, healthy };
  } finally {
    await bot.stop();
  }
}

describe('where Cefnogi listens', () => {
  it('when BOT_ID is unset (local mode, no authentication), then it listens on 127.0.0.1 only', async () => {
    expect(await boundAddress({})).toEqual({ address: '127.0.0.1', healthy: 200 });
  });

  it('when BOT_ID is unset and every interface is asked for, then it still listens on 127.0.0.1 only', async () => {
    expect(await boundAddress({}, '0.0.0.0')).toEqual({ address: '127.0.0.1', healthy: 200 });
  });

  it('when BOT_ID is set, then it listens on every interface, as a hosting platform expects', async () => {
    expect(await boundAddress(APP)).toEqual({ address: '0.0.0.0', healthy: 200 });
  });
});
