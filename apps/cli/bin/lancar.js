#!/usr/bin/env node
// The `lancar` command. Lancar runs its TypeScript sources directly through tsx (docs/decisions/0001-stack.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
