/** The machine a bench ran on, for docs/benchmarks.md: figures mean little without it. */
import os from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  redis: string;
  bullmq: string;
}

/** Cores, CPU model, memory, OS, Node, Redis (from INFO) and BullMQ versions. */
export function machineInfo(redisVersion: string, bullmqVersion: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    redis: redisVersion,
    bullmq: bullmqVersion,
  };
}
