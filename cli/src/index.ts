#!/usr/bin/env node
import { realDeps } from './deps.js';
import { main } from './main.js';

// The SDK's notice about its own future Node support says nothing about this bundle, whose SDK
// is fixed: keep stderr for what the user must act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await main(process.argv.slice(2), realDeps());
