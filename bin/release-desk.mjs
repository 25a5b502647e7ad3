#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so a checkout needs no build step before `npx release-desk`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
