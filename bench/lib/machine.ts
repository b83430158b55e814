// The machine a table was measured on: figures mean little without it.
import { cpus, totalmem } from 'node:os';

export function describeMachine(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 1024 ** 3).toFixed(0);
  return `${model}, ${processors.length} cores, ${memory} GB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}
