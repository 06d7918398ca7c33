import type { Agent } from 'node:http';
import { getProxyForUrl } from 'proxy-from-env';

/** Whether HTTP(S)_PROXY applies to `endpoint` (NO_PROXY respected): the proxy URL, or undefined. */
export const proxyFor = (endpoint: string): string | undefined => getProxyForUrl(endpoint) || undefined;

/** The agent that routes a request to `endpoint` through the proxy, or undefined when none applies; the agent's module (a large one) is loaded only then. */
export async function proxyAgent(endpoint: string): Promise<Agent | undefined> {
  const proxy = proxyFor(endpoint);
  if (!proxy) return undefined;
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  return new HttpsProxyAgent(proxy);
}
