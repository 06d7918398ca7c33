// Unit tests call the runner package, which speaks the runner's protocol on stdout (`::add-mask::`,
// `::error::`, `::warning::`). Under jest those lines only clutter the CI log (a runner would act
// on them, jest does not), so they are dropped here; a test that checks them spies on
// process.stdout.write itself, above this filter. The integration tests read what the bundles
// write from the real files and streams, untouched by this.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => (typeof chunk === 'string' && /^::[a-z-]+::/.test(chunk) ? true : write(chunk, ...rest));
