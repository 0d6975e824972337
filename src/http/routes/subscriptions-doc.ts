/** OpenAPI entry for POST /api/subscriptions (served by the plain Hono routes in subscriptions.tsx). */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { ACCEPTED_BODY } from "./subscriptions";

const SubscriptionRequest = z
  .object({
    email: z.string().max(254).openapi({ example: "reader@example.org" }),
    cases: z
      .array(z.string())
      .optional()
      .openapi({
        description: "Case ids to follow; omitted or empty = every case",
        example: ["kadrey-v-meta"],
      }),
  })
  .openapi("SubscriptionRequest");

const Accepted = z
  .object({ status: z.literal(ACCEPTED_BODY.status), detail: z.string() })
  .openapi("SubscriptionAccepted");

const Problem = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string() })
  .openapi("Problem");

/** Adds POST /api/subscriptions to the OpenAPI document. */
export function documentSubscriptionRoutes(app: OpenAPIHono): void {
  const problem = (description: string) => ({
    description,
    content: { "application/problem+json": { schema: Problem } },
  });
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/subscriptions",
    tags: ["subscriptions"],
    summary: "Subscribe to the weekly digest (double opt-in)",
    description:
      "Sends a confirmation link (valid 7 days) unless the address already had a few today. The answer is the " +
      "same whether or not the address is known. Also accepts an HTML form post (email, cases repeated), " +
      "answered with an HTML page.",
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: SubscriptionRequest },
          "application/x-www-form-urlencoded": { schema: SubscriptionRequest },
        },
      },
    },
    responses: {
      202: { description: "Accepted", content: { "application/json": { schema: Accepted } } },
      400: problem("Invalid address, unknown case id or malformed body (named in detail)"),
      413: problem("Body too large"),
    },
  });
}
