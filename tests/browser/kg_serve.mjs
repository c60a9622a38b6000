// Starts a real `kg serve` on a free loopback port (--port 0: the kernel
// picks one; kg prints it) and stops it again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export async function startKg(kgBinary, args = [], logPath = null) {
  const proc = spawn(kgBinary, ['serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = logPath ? fs.createWriteStream(logPath) : null;
  let output = '';
  // sanitizer builds start slowly (tests/sanitizers/ci_stages.sh raises this)
  const startSeconds = Number(process.env.KG_E2E_START_SECONDS || 30);
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kg serve did not start in ${startSeconds} s:\n` + output)),
      startSeconds * 1000);
    proc.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      if (log) log.write(text);
      if (output.length < 100000) output += text;
      const m = output.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve('http://127.0.0.1:' + m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error('kg serve exited ' + code + ':\n' + output)); });
  });
  return {
    base,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((resolve) => proc.on('exit', resolve));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
      if (log) log.end();
    },
  };
}
