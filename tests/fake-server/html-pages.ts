/**
 * HTML pages that relays, proxies and CDNs put in front of an OpenAI-compatible endpoint.
 * Glance must recognize them as "not the API" instead of trying to parse them.
 */
import { STATUS_CODES } from 'node:http';

/** A relay's sign-in page, served with status 200 (e.g. a base URL pointing at a web console). */
export const loginPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sign in · API Relay</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<main>
<h1>Sign in</h1>
<form method="post" action="/login">
<label>Email <input type="email" name="email" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;

/** The terse error page Cloudflare (and nginx) serve when the origin does not answer. */
export function gatewayErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>
<head><title>${title}</title></head>
<body>
<center><h1>${title}</h1></center>
<hr><center>cloudflare</center>
</body>
</html>
`;
}

/** The built-in page for an `html` scenario: a login page for 2xx, an error page otherwise. */
export function htmlPageFor(status: number): string {
  return status >= 200 && status < 300 ? loginPage : gatewayErrorPage(status);
}
