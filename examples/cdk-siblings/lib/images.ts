// How the stack reads the CDK arguments (`--context usePreBuiltImages=true --context
// cloudtakImageTag=cloudtak-abc1234 ...`): a pre-built image when the flag is on and the tag is
// given, else a DockerImageAsset that CDK builds itself (the local default).
import { Fn, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecrAssets from 'aws-cdk-lib/aws-ecr-assets';

export function containerImage(stack: Stack, name: string, repositoryExport: string, directory: string): ecs.ContainerImage {
  const usePreBuilt = `${stack.node.tryGetContext('usePreBuiltImages') ?? false}` === 'true';
  const tag: string | undefined = stack.node.tryGetContext(`${name}ImageTag`);
  if (usePreBuilt && tag) {
    const repositoryName = Fn.select(1, Fn.split('/', Fn.importValue(repositoryExport)));
    return ecs.ContainerImage.fromRegistry(`${stack.account}.dkr.ecr.${stack.region}.amazonaws.com/${repositoryName}:${tag}`);
  }
  return ecs.ContainerImage.fromDockerImageAsset(new ecrAssets.DockerImageAsset(stack, `${name}Image`, { directory }));
}
