/**
 * Response headers with the app's Content-Security-Policy in place of whatever policy a response
 * carried (header names compare case-insensitively). Applied to every response the app's session
 * receives, so a page never runs under a weaker policy than the shell's.
 */
export function withContentSecurityPolicy(headers: Readonly<Record<string, string[]>> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = values;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
