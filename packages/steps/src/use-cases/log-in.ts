// ecr-login's use case: docker logged in to each ECR registry asked for.
import type { Ecr } from '@ensure-image/adapters/aws';
import type { Docker } from '@ensure-image/adapters/docker';
import type { Log } from '@ensure-image/adapters/log';
import type { LoginPlan, StepReport } from '@ensure-image/core';
import { login } from '../login.js';

export interface LogInRequest {
  plan: LoginPlan;
  /** Register the passwords as secrets: unmasked only when credential outputs are asked for and masking is turned off. */
  mask: boolean;
  /** Leave docker logged in after the job (no post-step logout). */
  skipLogout: boolean;
  /** Put the first registry's docker username and password in the outputs. */
  outputCredentials: boolean;
}

export type LogInOutputs = { registry: string; registries: string; 'docker-username': string | undefined; 'docker-password': string | undefined };

export async function logInRegistries(
  r: LogInRequest,
  deps: { ecr: () => Promise<Ecr>; docker: Docker; log: Log; onLogin: (host: string) => void },
): Promise<StepReport<LogInOutputs>> {
  const result = await login(r.plan, deps, { mask: r.mask, onLogin: deps.onLogin });
  const first = r.outputCredentials ? result.credentials[0] : undefined;
  return {
    outputs: { registry: result.registry, registries: result.hosts.join(','), 'docker-username': first?.username, 'docker-password': first?.password },
    summary: { title: 'ECR login', rows: result.hosts.map((h) => ['logged in', h] as const) },
  };
}
