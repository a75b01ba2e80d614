#!/usr/bin/env node
// Gives pkg/ precise TypeScript types: copies types/yingji-types.d.ts into pkg/ and rewrites the
// `any` signatures wasm-bindgen generates in pkg/yingji.d.ts to use them. Fails the build when a
// generated signature is not the one expected (the Rust API changed: update types/ as well).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Per generated module: the signatures wasm-bindgen writes and the precise ones that replace them.
const MODULES = {
  'yingji.d.ts': [
    ['export function evaluate(id: string, facts: any, now: string): any;', 'export function evaluate(id: string, facts: Facts, now: string): Outcome;'],
    ['export function find(text: string, city: string): any;', 'export function find(text: string, city: string): Candidate[];'],
    ['export function plans(): any;', 'export function plans(): PlanSummary[];'],
    ['export function schema(id: string): any;', 'export function schema(id: string): Schema;'],
    [
      'export function import_plan(file: string, plan: Uint8Array | number[]): any;',
      'export function import_plan(file: string, plan: Uint8Array): ImportResult;',
    ],
    ['export function forget_plan(id: string): boolean;', 'export function forget_plan(id: string): boolean;'],
    ['export function last_panic(): string;', 'export function last_panic(): string;'],
    ['export function __armPanicForTest(): void;', 'export function __armPanicForTest(): void;'],
    ['export function start(): void;', 'export function start(): void;'],
  ],
  'yingji_check.d.ts': [
    ['export function check(file: string, text: string): any;', 'export function check(file: string, text: string): CheckResult;'],
    ['export function last_panic(): string;', 'export function last_panic(): string;'],
    ['export function start(): void;', 'export function start(): void;'],
  ],
};
for (const [file, signatures] of Object.entries(MODULES)) {
  const dts = join(REPO, 'pkg', file);
  let text = readFileSync(dts, 'utf8');
  for (const [from, to] of signatures) {
    if (!text.includes(from)) {
      process.stderr.write(`tools/types.mjs: pkg/${file} no longer declares ${JSON.stringify(from)}; update types/ and this script\n`);
      process.exit(1);
    }
    text = text.replace(from, () => to);
  }
  const exported = [...text.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).filter((n) => n !== 'initSync');
  const typed = signatures.map(([f]) => /function (\w+)/.exec(f)[1]);
  const untyped = exported.filter((n) => !typed.includes(n));
  if (untyped.length) {
    process.stderr.write(`tools/types.mjs: pkg/${file} exports without precise types: ${untyped.join(', ')}\n`);
    process.exit(1);
  }
  text =
    "import type { Candidate, CheckResult, Facts, ImportResult, Outcome, PlanSummary, Schema } from './yingji-types';\n" +
    "export * from './yingji-types';\n" +
    text;
  writeFileSync(dts, text);
}
copyFileSync(join(REPO, 'types', 'yingji-types.d.ts'), join(REPO, 'pkg', 'yingji-types.d.ts'));
