/**
 * Runs `fn` `runs` times: wall-clock median and minimum, and median CPU time (the machine is shared: CPU time is the
 * steadier figure), with the last result.
 */
export async function time<T>(runs: number, fn: () => T | Promise<T>): Promise<{ median: number; min: number; cpu: number; result: T }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, min: times[0]!, cpu: cpus[Math.floor(runs / 2)]!, result };
}
