#!/usr/bin/env node
// The `twin` command. Runs the TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
