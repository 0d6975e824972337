/** A real migrated libSQL database for tests (in memory by default, or a temp file). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenDb, openNodeDb } from "../../src/runtime/node-db";

/** Opens a fresh :memory: database with every migration applied. */
export function memoryDb(): Promise<OpenDb> {
  return openNodeDb(":memory:");
}

/** Opens a fresh file database in a temp folder; `cleanup` closes and deletes it. */
export async function fileDb(): Promise<OpenDb & { url: string; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "casewire-test-"));
  const url = `file:${join(dir, "test.db")}`;
  const opened = await openNodeDb(url);
  return {
    ...opened,
    url,
    cleanup() {
      opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
