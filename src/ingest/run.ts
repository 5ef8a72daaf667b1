import { spawn } from "node:child_process";

/**
 * Runs an external program (tesseract, pdftoppm, soffice) in its own process group; aborting the signal kills the
 * whole group, so LibreOffice's soffice.bin does not outlive a timed-out conversion.
 */
export function run(command: string, args: string[], options: { signal: AbortSignal; cwd?: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    options.signal.throwIfAborted();
    const child = spawn(command, args, { cwd: options.cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const kill = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    options.signal.addEventListener("abort", kill, { once: true });
    child.on("error", (error) => {
      options.signal.removeEventListener("abort", kill);
      reject(error);
    });
    child.on("close", (code, signal) => {
      options.signal.removeEventListener("abort", kill);
      if (options.signal.aborted) reject(options.signal.reason);
      else if (code === 0) resolve(Buffer.concat(stdout));
      else {
        const detail = Buffer.concat(stderr).toString("utf8").trim().slice(0, 500);
        reject(new Error(`${command} exited with ${code ?? signal}: ${detail}`));
      }
    });
  });
}
