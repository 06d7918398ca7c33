export { ValidationError, shown } from './errors.js';
export * from './inputs.js';
export * from './reference.js';
export * from './registry.js';
export * from './uri.js';
export * from './tags.js';
export * from './cdk.js';
export * from './login.js';
export * from './manifest.js';
