import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { proxyFor } from './proxy-agent.js';

/**
 * The SDK honours AWS_ENDPOINT_URL_* by itself but not HTTPS_PROXY: when a proxy applies to
 * the endpoint (NO_PROXY respected), route the client through it.
 */
export function proxyHandler(endpoint: string): NodeHttpHandler | undefined {
  const proxy = proxyFor(endpoint);
  if (!proxy) return undefined;
  const agent = new HttpsProxyAgent(proxy);
  return new NodeHttpHandler({ httpsAgent: agent, httpAgent: agent });
}

export { endpointFor } from './hosts.js';
