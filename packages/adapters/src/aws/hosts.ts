import { partitionOf } from '@ensure-image/core';

/** The default API host of an AWS service in a region (`api.ecr.eu-west-1.amazonaws.com`), as the SDK's endpoint rules give it. */
export function apiHost(service: string, region: string): string {
  return `${service}.${region}.${partitionOf(region).suffix}`;
}

/** The URL a client of `service` calls: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the default host. */
export function endpointFor(service: 'ECR' | 'ECR_PUBLIC' | 'STS', host: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || `https://${host}`;
}
