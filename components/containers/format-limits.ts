/** Binary units, as people write memory limits (`--memory 512m` is 512 MiB, not 536.9 MB). */
export function formatBinaryBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

export function memoryLimit(bytes: number): string {
  return bytes > 0 ? formatBinaryBytes(bytes) : "Unlimited";
}

/** Docker's MemorySwap is memory + swap; -1 means unlimited swap, 0 means "same as memory × 2" default. */
export function swapLimit(memorySwap: number, memory: number): string {
  if (memorySwap === -1) return "Unlimited";
  if (memorySwap === 0) return memory > 0 ? `Default (${formatBinaryBytes(memory * 2)} total)` : "Unlimited";
  return `${formatBinaryBytes(memorySwap)} total (memory + swap)`;
}

export function cpuLimit(nanoCpus: number): string {
  if (nanoCpus <= 0) return "Unlimited";
  const cpus = nanoCpus / 1e9;
  return `${Number.isInteger(cpus) ? cpus : cpus.toFixed(2)} ${cpus === 1 ? "CPU" : "CPUs"}`;
}

export function cpuShares(shares: number): string {
  return shares > 0 ? `${shares}${shares === 1024 ? " (default)" : ""}` : "1024 (default)";
}

export function pidsLimit(limit: number | null): string {
  return limit === null ? "Unlimited" : String(limit);
}
