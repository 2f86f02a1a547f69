import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Which of the built dashboard's lazy chunks a screen's address needs, so the page can ask for them
 * at once (`<link rel="modulepreload">`) instead of discovering them one level at a time after
 * Angular has started: on a phone's slow network each level is a round trip and more. Read from the
 * emitted ES modules themselves (their static imports and the router's `loadChildren` /
 * `loadComponent: () => import("./chunk-….js")` next to each route's `path`), so nothing is kept in
 * step by hand. A guess that misses only costs a download the screen would not have needed.
 */

/** A static `import`/`export … from "./chunk.js"` of an emitted module. */
const STATIC_IMPORT = /(?:import|export)\s*(?:[^"'();]*?from\s*)?["']\.\/([\w-]+\.js)["']/g;
/**
 * A route with a lazy target, as the optimiser writes it: `path:"province",…loadChildren:()=>import("./chunk-X.js")`.
 * Between the two, no brace: a parent whose children are inline is skipped, its children read as
 * routes of their own (right for the path-less layouts this app uses).
 */
const LAZY_ROUTE = /path:"([^"]*)"(?:[^{}"]|"[^"]*")*?load(?:Children|Component):\(\)=>import\("\.\/([\w-]+\.js)"\)/g;

/** A static `import("./chunk.js")` the bundler left for code loaded on demand. */
const DYNAMIC_IMPORT = /import\(\s*["']\.\/([\w-]+\.js)["']\s*\)/g;

interface LazyRoute {
  segments: string[];
  chunk: string;
}

/**
 * The emitted modules as a graph: each one's static imports, on-demand imports and lazy routes;
 * what a module needs loaded with it (`closure`), and the initial modules (main's closure). Read
 * once; the API's preloads and the first-load benchmark both count from it.
 */
export interface BuiltModules {
  files: string[];
  initial: Set<string>;
  closure(file: string): Set<string>;
  dynamic(file: string): string[];
  routes(file: string): LazyRoute[];
}

export function builtModules(sources: ReadonlyMap<string, string>): BuiltModules {
  const imports = new Map<string, string[]>();
  const dynamic = new Map<string, string[]>();
  const routes = new Map<string, LazyRoute[]>();
  for (const [file, src] of sources) {
    imports.set(
      file,
      [...src.matchAll(STATIC_IMPORT)].map((m) => m[1]),
    );
    dynamic.set(
      file,
      [...src.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]),
    );
    routes.set(
      file,
      [...src.matchAll(LAZY_ROUTE)].map((m) => ({ segments: m[1].split('/').filter(Boolean), chunk: m[2] })),
    );
  }
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file) || !sources.has(file)) return seen;
    seen.add(file);
    for (const i of imports.get(file) ?? []) closure(i, seen);
    return seen;
  };
  const main = [...sources.keys()].find((f) => /^main-[\w]+\.js$/.test(f));
  return {
    files: [...sources.keys()],
    initial: main ? closure(main) : new Set<string>(),
    closure: (file) => closure(file),
    dynamic: (file) => dynamic.get(file) ?? [],
    routes: (file) => routes.get(file) ?? [],
  };
}

/** The emitted modules of a built app folder by file name. */
export function readBuiltModules(root: string): BuiltModules {
  const sources = new Map<string, string>();
  for (const f of readdirSync(root)) if (f.endsWith('.js')) sources.set(f, readFileSync(join(root, f), 'utf8'));
  return builtModules(sources);
}

export interface RoutePreloads {
  /** The chunks beyond the initial ones that the screen at this path loads, parents first. */
  forPath(path: string): string[];
}

/** The preloads of a built dashboard (its folder of emitted modules, with `main-*.js`). */
export function routePreloads(root: string): RoutePreloads {
  return routePreloadsOf(readBuiltModules(root));
}

/** As `routePreloads`, from the build's module graph. */
export function routePreloadsOf(built: BuiltModules): RoutePreloads {
  const { initial, closure } = built;
  const routesIn = (files: Iterable<string>) => [...files].flatMap((f) => built.routes(f));

  /** The lazy chunks that match `segments` from these routes on, or null when none does. */
  const match = (segments: string[], level: LazyRoute[], seen: Set<string>): string[] | null => {
    for (const route of level) {
      if (route.segments.length > segments.length) continue;
      if (!route.segments.every((s, i) => s.startsWith(':') || s === segments[i])) continue;
      const rest = segments.slice(route.segments.length);
      const files = closure(route.chunk);
      const children = routesIn([...files].filter((f) => !seen.has(f)));
      if (!children.length) {
        if (rest.length === 0) return [route.chunk];
        continue;
      }
      const below = match(rest, children, new Set([...seen, ...files]));
      if (below) return [route.chunk, ...below];
      if (rest.length === 0) return [route.chunk];
    }
    return null;
  };

  const cache = new Map<string, string[]>();
  return {
    forPath(path: string): string[] {
      const segments = path.split('?')[0].split('/').filter(Boolean);
      const key = segments.join('/');
      const known = cache.get(key);
      if (known) return known;
      const chunks = initial.size ? (match(segments, routesIn(initial), initial) ?? []) : [];
      const files = new Set<string>();
      for (const chunk of chunks) for (const f of closure(chunk)) if (!initial.has(f)) files.add(f);
      const found = [...files];
      // Addresses are unbounded (every code, every id), their shapes are not: keep a bounded memory.
      if (cache.size < 1000) cache.set(key, found);
      return found;
    },
  };
}
