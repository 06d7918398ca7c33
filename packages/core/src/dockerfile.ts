// What a build reads, from its Dockerfile and .dockerignore: a subpath of its own
// (`@ensure-image/core/dockerfile`) so that only bundles that tag by it carry the parser.
export * from './dockerfile-inputs.js';
export * from './dockerignore.js';
export * from './build-reads.js';
