import { type CdkImage, ValidationError, cdkContext, parseChoice, parseKeyValues, usePrebuilt, validateTag } from '@ensure-image/conventions';
import { getInput, getMultiline, setOutputs, writeSummary } from '@ensure-image/kit';

export interface CdkContextInputs {
  images: CdkImage[];
  usePrebuilt: 'true' | 'false' | 'auto';
  flag: string;
  keySuffix: string;
  extra: ReturnType<typeof parseKeyValues>;
}

export function readInputs(): CdkContextInputs {
  return {
    images: parseKeyValues('images', getMultiline('images')).map(({ key, value }) => ({
      name: key,
      tag: value === '' ? '' : validateTag('images', value),
    })),
    usePrebuilt: parseChoice('use-prebuilt', getInput('use-prebuilt'), ['true', 'false', 'auto'] as const, 'auto'),
    flag: getInput('flag'),
    keySuffix: getInput('key-suffix'),
    extra: parseKeyValues('extra', getMultiline('extra')),
  };
}

export async function run(): Promise<void> {
  const i = readInputs();
  const prebuilt = usePrebuilt(i.usePrebuilt, i.images);
  if (i.usePrebuilt === 'true' && i.images.some((img) => img.tag === '')) {
    throw new ValidationError('images', 'use-prebuilt is true but an image has no tag (name=tag)');
  }
  const c = cdkContext({ flag: i.flag, usePrebuilt: prebuilt, images: i.images, keySuffix: i.keySuffix, extra: i.extra });
  setOutputs({ args: c.shell, 'args-json': JSON.stringify(c.argv), json: JSON.stringify(c.json), 'use-prebuilt': prebuilt });
  await writeSummary('CDK context', [
    ['use pre-built images', String(prebuilt)],
    ['args', c.shell],
  ]);
}
