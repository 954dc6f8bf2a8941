/**
 * Finds the system browsers. Tests never download a browser: a missing one fails with the
 * command that installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function onPath(command: string): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

function findBrowser(envVar: string, commands: string[], install: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  for (const command of commands) {
    const path = onPath(command);
    if (path) return path;
  }
  throw new Error(
    `No ${commands[0]} found on the PATH (looked for: ${commands.join(', ')}). ` +
      `Install it with \`${install}\`, or set ${envVar} to its path.`,
  );
}

export const findChromium = (): string =>
  findBrowser('CHROME_PATH', ['chromium', 'chromium-browser'], 'sudo apt-get install -y chromium');

export const findFirefox = (): string =>
  findBrowser('FIREFOX_PATH', ['firefox-esr', 'firefox'], 'sudo apt-get install -y firefox-esr');
