import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';

/**
 * The SDK honours AWS_ENDPOINT_URL_* by itself but not HTTPS_PROXY: when a proxy applies to
 * the endpoint (NO_PROXY respected), route the client through it.
 */
export function proxyHandler(endpoint: string): NodeHttpHandler | undefined {
  const proxy = getProxyForUrl(endpoint);
  if (!proxy) return undefined;
  const agent = new HttpsProxyAgent(proxy);
  return new NodeHttpHandler({ httpsAgent: agent, httpAgent: agent });
}

/** The URL a client of `service` will call (for the proxy decision only). */
export function endpointFor(service: 'ECR' | 'ECR_PUBLIC' | 'STS', host: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || `https://${host}`;
}
