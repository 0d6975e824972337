/** Node side of the Worker tests: the loopback fixture site and a libSQL server (sqld), passed in by URL. */
import type { TestProject } from "vitest/node";
import { startFixtureSite } from "../helpers/fixture-site";
import { startSqld } from "../helpers/sqld-server";

declare module "vitest" {
  export interface ProvidedContext {
    fixtureSiteUrl: string;
    sqldUrl: string;
  }
}

/** Starts both servers; the returned function stops them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await startFixtureSite();
  const sqld = await startSqld();
  project.provide("fixtureSiteUrl", site.url);
  project.provide("sqldUrl", sqld.url);
  return async () => {
    await sqld.close();
    await site.close();
  };
}
