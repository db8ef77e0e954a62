import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Dependencies point down only (docs/ARCHITECTURE.md): platform/ never imports a module,
// db/ never imports platform/, and a module never imports another module's tables
// (*.schema.ts). Tests and benchmarks may reach anywhere; the app's code may not.
// Try it: add `import "../modules/people/person";` to a file in src/platform and run
// `npx vitest run test/import-rules.test.ts`.

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of a file, resolved to a path under src/ without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]);
  return specs.map((spec) => relative(SRC, resolve(dirname(file), spec as string)));
}

const moduleOf = (path: string) => /^modules\/([^/]+)\//.exec(path)?.[1] ?? null;

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file);
    for (const target of importsOf(file)) {
      const rule =
        from.startsWith("platform/") && target.startsWith("modules/")
          ? "platform imports a module"
          : from.startsWith("db/") && target.startsWith("platform/")
            ? "db imports platform"
            : moduleOf(from) &&
                moduleOf(target) &&
                moduleOf(from) !== moduleOf(target) &&
                target.endsWith(".schema")
              ? "a module imports another module's tables"
              : null;
      if (rule) found.push(`${from} -> ${target} (${rule})`);
    }
  }
  return found;
}

// Imports still to be replaced by published functions, module by module. This list only
// shrinks; it must end empty.
const NOT_YET_FIXED = new Set<string>([]);

describe("import rules", () => {
  it("finds the source files", () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(100);
  });

  it("has no import that points up or into another module's tables", () => {
    expect(violations().filter((v) => !NOT_YET_FIXED.has(v))).toEqual([]);
  });
});
