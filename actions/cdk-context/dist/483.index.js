export const id = 483;
export const ids = [483];
export const modules = {

/***/ 483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/conventions/src/index.ts + 12 modules
var src = __webpack_require__(70);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 16 modules
var kit_src = __webpack_require__(620);
;// CONCATENATED MODULE: ./actions/cdk-context/src/inputs.ts


/** Every input cdk-context reads, with action.yml's defaults. */
const INPUTS = (0,kit_src.declareInputs)({
    images: kit_src.input.parsed('', src/* parseCdkImages */.sc, { multiline: true }),
    'use-prebuilt': kit_src.input.choice(['true', 'false', 'auto'], 'auto'),
    flag: kit_src.input.parsed('usePreBuiltImages', src/* validateContextKey */.TD, { keepEmpty: true }),
    'key-suffix': kit_src.input.parsed('ImageTag', src/* validateContextKey */.TD, { keepEmpty: true }),
    extra: kit_src.input.pairs(''),
});
/** The inputs, read and checked (nothing else runs before this). */
function readInputs(env = process.env) {
    return (0,kit_src.readDeclared)(INPUTS, env);
}

;// CONCATENATED MODULE: ./actions/cdk-context/src/main.ts



async function main() {
    const i = readInputs();
    const prebuilt = (0,src/* decidePrebuilt */.ck)(i['use-prebuilt'], i.images);
    if (prebuilt.reason)
        kit_src.log.warning(prebuilt.reason);
    const c = (0,src/* cdkContext */.Qk)({ flag: i.flag, usePrebuilt: prebuilt.value, images: i.images, keySuffix: i['key-suffix'], extra: i.extra });
    (0,kit_src.setOutputs)({ args: c.shell, 'args-json': JSON.stringify(c.argv), json: JSON.stringify(c.json), 'use-prebuilt': prebuilt.value });
    await (0,kit_src.writeSummary)('CDK context', [
        ['use pre-built images', String(prebuilt.value)],
        ['args', c.shell],
    ]);
}
/** The action (also what @github/local-action calls): failures end the step, never throw. */
const run = (0,kit_src.guarded)(main);


/***/ })

};
