const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Returns the `Authorization` header value for HTTP Basic auth with `user` and an empty password.
 *
 * Internal to the sender: Segment takes the write key as the user name (`base64(writeKey + ':')`). The
 * pair is encoded as UTF-8 first, since `btoa` alone throws on anything outside Latin-1.
 */
export function basicAuthorization(user: string): string {
  let binary = '';
  for (const byte of encoder.encode(`${user}:`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
