import { ValidationError } from '../src/index.js';
import { dockerfileInputs } from '../src/dockerfile.js';

const args = (o: Record<string, string> = {}) => Object.entries(o).map(([key, value]) => ({ key, value }));
const read = (text: string, buildArgs: Record<string, string> = {}, target?: string) =>
  dockerfileInputs(text, { buildArgs: args(buildArgs), ...(target ? { target } : {}) });
const sources = (text: string, buildArgs: Record<string, string> = {}, target?: string) => read(text, buildArgs, target).sources.map((s) => s.source);

describe('dockerfileInputs: COPY and ADD sources', () => {
  test.each([
    ['plain sources, the destination left out', 'FROM scratch\nCOPY go.mod go.sum ./\nADD vendor.tar /v/\n', ['go.mod', 'go.sum', 'vendor.tar']],
    ['flags other than --from are not sources', 'FROM scratch\nCOPY --chown=1:1 --chmod=644 --link a /a\n', ['a']],
    ['leading / and ./ are the context root, .. is clamped', 'FROM scratch\nCOPY /etc/x ./y/ ../../z /dst/\n', ['etc/x', 'y', 'z']],
    ['JSON form, spaces kept', 'FROM scratch\nCOPY ["a b.txt", "c/", "/dst/"]\n', ['a b.txt', 'c']],
    ['wildcards kept as written', 'FROM scratch\nCOPY src/*.go pkg/[ab]?/ /app/\n', ['src/*.go', 'pkg/[ab]?']],
    ['line continuations', 'FROM scratch\nCOPY a \\\n  b \\\n  /dst/\n', ['a', 'b']],
    ['a heredoc is no source, nor is its body', 'FROM scratch\nCOPY <<EOF /etc/conf\nnot/a/source\nEOF\nCOPY <<A <<B real /dst/\na\nA\nb\nB\n', ['real']],
    ['RUN heredocs read nothing', 'FROM busybox\nRUN <<EOF\ncat pkg/x\nEOF\n', []],
    ['instructions are case-insensitive', 'from scratch\ncopy a /a\n', ['a']],
  ])('%s', (_what, text, expected) => {
    expect(sources(text)).toEqual(expected);
    expect(read(text).whole).toBeUndefined();
  });

  test('each source keeps its Dockerfile line and text', () => {
    expect(read('FROM scratch\n\nCOPY pkg/ pkg/\n').sources).toEqual([{ source: 'pkg', line: 3, text: 'COPY pkg/ pkg/' }]);
  });
});

describe('dockerfileInputs: ARG and ENV substitution', () => {
  const light = 'FROM golang AS build\nARG CMD_TARGET=api\nCOPY cmd/${CMD_TARGET} ./cmd/${CMD_TARGET}\nCOPY internal/ internal/\n';
  test('the Dockerfile default, then the build arg over it', () => {
    expect(sources(light)).toEqual(['cmd/api', 'internal']);
    expect(sources(light, { CMD_TARGET: 'video' })).toEqual(['cmd/video', 'internal']);
  });
  test('a global ARG reaches a stage that declares it again; a build arg overrides both', () => {
    const text = 'ARG APP=web\nFROM scratch\nARG APP\nCOPY apps/$APP /app\n';
    expect(sources(text)).toEqual(['apps/web']);
    expect(sources(text, { APP: 'admin' })).toEqual(['apps/admin']);
  });
  test('a global ARG is not seen in a stage that does not declare it: whole context, with the line', () => {
    const r = read('ARG APP=web\nFROM scratch\nCOPY apps/${APP} /app\n');
    expect(r.whole).toEqual({ source: '.', line: 3, text: 'COPY apps/${APP} /app', reason: '${APP} is not declared (no ARG or ENV)' });
  });
  test('ENV, and ENV over ARG, and ENV inherited from a parent stage', () => {
    expect(sources('FROM scratch\nENV DIR=lib\nCOPY ${DIR}/ /x\n')).toEqual(['lib']);
    expect(sources('FROM scratch\nARG D=a\nENV D=b\nCOPY $D /x\n', { D: 'c' })).toEqual(['b']);
    expect(sources('FROM scratch AS base\nENV D=shared\nFROM base\nCOPY $D /x\n')).toEqual(['shared']);
    expect(sources('FROM scratch\nARG A=x\nENV B="${A}/y z"\nCOPY ["$B", "/d"]\n')).toEqual(['x/y z']);
  });
  test('modifiers: default when unset, alternative when set', () => {
    expect(sources('FROM scratch\nARG T\nCOPY cmd/${T:-api} /x\n')).toEqual(['cmd/api']);
    expect(sources('FROM scratch\nARG T=jobs\nCOPY cmd/${T:-api} /x\n')).toEqual(['cmd/jobs']);
    expect(sources('FROM scratch\nARG T=1\nCOPY a${T:+-debug} /x\n')).toEqual(['a-debug']);
  });
  test('a variable with no value, or one that depends on the platform, falls back to the whole context', () => {
    expect(read('FROM scratch\nARG CMD_TARGET\nCOPY cmd/${CMD_TARGET} /x\n').whole?.reason).toBe('${CMD_TARGET} has no value (no default and no build-arg)');
    expect(read('FROM scratch\nARG TARGETARCH\nCOPY bin/${TARGETARCH}/app /x\n').whole?.reason).toBe('${TARGETARCH} depends on the platform');
    expect(read('FROM scratch\nARG CMD_TARGET\nCOPY cmd/${CMD_TARGET} /x\n', { CMD_TARGET: 'api' }).whole).toBeUndefined();
  });
  test('an unrelated ARG without a value does not matter when no source uses it', () => {
    expect(read('FROM scratch\nARG VERSION\nCOPY a /a\nLABEL v=$VERSION\n')).toEqual({
      sources: [{ source: 'a', line: 3, text: 'COPY a /a' }],
      stages: ['#0'],
    });
  });
});

describe('dockerfileInputs: stages', () => {
  const multi = [
    'FROM golang AS deps',
    'COPY go.mod go.sum ./',
    'FROM deps AS build',
    'COPY cmd/ cmd/',
    'RUN --mount=type=bind,source=internal,target=/src/internal go build',
    'FROM node AS web',
    'COPY web/ /web/',
    'FROM scratch AS final',
    'COPY --from=build /out /app',
    'COPY config.yml /etc/',
    'FROM final AS debug',
    'COPY debug/ /debug/',
  ].join('\n');
  test('the last stage by default, with what it reaches through FROM and --from; unreached stages read nothing', () => {
    const r = read(multi);
    expect(r.stages).toEqual(['deps', 'build', 'final', 'debug']);
    expect(r.sources.map((s) => s.source)).toEqual(['go.mod', 'go.sum', 'cmd', 'internal', 'config.yml', 'debug']);
  });
  test('target picks the stage (any case); an unknown target is an error naming target', () => {
    expect(sources(multi, {}, 'FINAL')).toEqual(['go.mod', 'go.sum', 'cmd', 'internal', 'config.yml']);
    expect(sources(multi, {}, 'web')).toEqual(['web']);
    expect(() => read(multi, {}, 'nope')).toThrow(ValidationError);
    expect(() => read(multi, {}, 'nope')).toThrow(/Input "target": "nope" is not a stage of the Dockerfile \(stages: deps, build, web, final, debug\)/);
  });
  test('--from an image or a named context is no input; --from by index follows the stage', () => {
    expect(sources('FROM scratch\nCOPY --from=alpine:3 /bin/sh /sh\nCOPY --from=assets /x /x\nCOPY a /a\n')).toEqual(['a']);
    expect(sources('FROM scratch\nCOPY b /b\nFROM scratch\nCOPY --from=0 /b /b\n')).toEqual(['b']);
    expect(sources('ARG S=build\nFROM scratch AS build\nCOPY b /b\nFROM scratch\nARG S\nCOPY --from=${S} /b /b\n')).toEqual(['b']);
  });
  test('FROM through a global ARG names a stage', () => {
    expect(sources('ARG BASE=one\nFROM scratch AS one\nCOPY one /\nFROM scratch AS two\nCOPY two /\nFROM ${BASE}\nCOPY three /\n')).toEqual(['one', 'three']);
    expect(sources('ARG BASE=one\nFROM scratch AS one\nCOPY one /\nFROM scratch AS two\nCOPY two /\nFROM ${BASE}\nCOPY three /\n', { BASE: 'two' })).toEqual([
      'two',
      'three',
    ]);
  });
});

describe('dockerfileInputs: RUN --mount and the whole-context fallbacks', () => {
  test('bind mounts read their source (the context root when none); other mount types and --from mounts do not', () => {
    expect(sources('FROM busybox\nRUN --mount=type=bind,source=go.sum,target=/x --mount=type=cache,target=/c make\n')).toEqual(['go.sum']);
    expect(sources('FROM busybox\nRUN --mount=src=scripts,target=/s sh /s/run\n')).toEqual(['scripts']);
    expect(sources('FROM busybox\nRUN --mount=type=secret,id=npm --mount=type=ssh --mount=type=tmpfs,target=/t true\n')).toEqual([]);
    expect(
      sources('FROM busybox AS b\nCOPY x /x\nFROM busybox\nRUN --mount=from=b,source=/x,target=/x true\nRUN --mount=from=alpine,target=/a true\n'),
    ).toEqual(['x']);
    expect(sources('FROM busybox\nRUN --mount=type=bind,target=/src make\n')).toEqual(['.']);
  });
  test.each([
    ['COPY . .', 'FROM scratch\nCOPY . .\n', 2, 'COPY . copies the whole context'],
    ['COPY ./ /app', 'FROM scratch\nCOPY a /a\nCOPY ./ /app\n', 3, 'COPY ./ copies the whole context'],
    ['a remote ADD', 'FROM scratch\nADD https://example.com/x.tgz /x\n', 2, 'ADD of a remote source (https://example.com/x.tgz) cannot be followed'],
    ['a git ADD', 'FROM scratch\nADD git@github.com:o/r.git /r\n', 2, 'ADD of a remote source (git@github.com:o/r.git) cannot be followed'],
  ])('%s: whole context, naming the first such line', (_what, text, line, reason) => {
    expect(read(text).whole).toMatchObject({ line, reason });
  });
  test('a fallback in a stage the target does not reach does not count', () => {
    expect(read('FROM scratch AS dev\nCOPY . .\nFROM scratch\nCOPY a /a\n').whole).toBeUndefined();
  });
  test('the escape directive is kept when an instruction is read again', () => {
    expect(sources('# escape=`\nFROM scratch\nARG D=x\nCOPY a `\n  ${D} /dst/\n')).toEqual(['a', 'x']);
  });
});
