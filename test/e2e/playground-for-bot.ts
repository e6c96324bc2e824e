import { existsSync } from 'node:fs';
import path from 'node:path';
import { startPlayground, type PlaygroundProcess } from '../../scripts/dev';
import { freePort } from './free-port';

/** The project root (where package.json is), whether this runs from source or from dist/. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * The Agents Playground on a free port, talking to a bot already listening on `botPort`,
 * with the project's people and team, its log kept in `workDir`, and no browser of its own
 * (the caller drives Chromium). Its output lines go to `onLine`.
 */
export async function startPlaygroundForBot(botPort: number, workDir: string, onLine: (line: string) => void): Promise<PlaygroundProcess> {
  const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
  return startPlayground({
    botEndpoint,
    port: await freePort(),
    cwd: workDir,
    env: {
      ...process.env,
      BOT_ENDPOINT: botEndpoint,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(projectRoot(), '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log'),
    },
    onLine,
  });
}
