import { statfs } from "node:fs/promises";
import { dirname } from "node:path";
import { databaseUrl, type DatabaseSettings } from "./db";

const MB = 1024 * 1024;

/**
 * The free space left to a service's database on its disk, where the service can see it: the folder
 * of its local file. A database on a libSQL server has none here (undefined).
 */
export function diskOf(settings: DatabaseSettings & { DISK_MIN_FREE_MB: number }, service: string) {
  const url = databaseUrl(settings, service);
  if (!url.startsWith("file:")) return undefined;
  const folder = dirname(url.slice("file:".length));
  return {
    /** Bytes an unprivileged process may still write there. */
    async free() {
      const stats = await statfs(folder);
      return stats.bavail * stats.bsize;
    },
    /** For /health: the space, and what an operator should hear when it runs low (undefined while there is enough). */
    async reading() {
      const free_mb = Math.floor((await this.free()) / MB);
      const low = free_mb < settings.DISK_MIN_FREE_MB;
      return {
        disk: { folder, free_mb, min_free_mb: settings.DISK_MIN_FREE_MB },
        warning: low ? `${free_mb} MB free on the disk of ${folder}, below DISK_MIN_FREE_MB=${settings.DISK_MIN_FREE_MB}: once it is full, changes are refused (503) until space is made` : undefined,
      };
    },
  };
}

export type Disk = NonNullable<ReturnType<typeof diskOf>>;
