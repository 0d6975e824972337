#!/usr/bin/env node
// The `casewire` command: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/runtime/node.ts");
