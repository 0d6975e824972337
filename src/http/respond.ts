/** Content types shared by the route modules. */

/** Content type of API JSON. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
