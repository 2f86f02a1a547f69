import { builtModules, routePreloadsOf } from './route-preloads';

/** A build in miniature, written as the optimiser writes Angular's routes and imports. */
const BUILD = new Map<string, string>([
  [
    'main-AAAAAAAA.js',
    'import{a as r}from"./chunk-CORE0001.js";var o=[' +
      '{path:"sign-in",loadComponent:()=>import("./chunk-SIGNIN01.js").then(e=>e.SignIn)},' +
      '{path:"ministry/analysis",canActivate:[f,P("central_analyst","admin")],loadChildren:()=>import("./chunk-ANALYS01.js").then(e=>e.analysisRoutes)},' +
      '{path:"province",loadChildren:()=>import("./chunk-SCORES01.js").then(e=>e.provinceRoutes)},' +
      '{path:"public",loadChildren:()=>import("./chunk-PUBLIC01.js").then(e=>e.publicRoutes)},' +
      '{path:"",pathMatch:"full",loadChildren:()=>import("./chunk-OVERVW01.js").then(e=>e.overviewRoutes)}];',
  ],
  ['chunk-CORE0001.js', 'export const a=1;'],
  ['chunk-SIGNIN01.js', 'import"./chunk-CORE0001.js";import{f as g}from"./chunk-FORMS001.js";'],
  ['chunk-FORMS001.js', 'export const f=1;'],
  [
    'chunk-SCORES01.js',
    'var p=[{path:":code",loadComponent:()=>import("./chunk-PROVPG01.js").then(e=>e.ProvincePage)},' +
      '{path:":code/kpi/:kpiId",loadComponent:()=>import("./chunk-KPIPG001.js").then(e=>e.KpiPage)}];export{p as provinceRoutes};',
  ],
  ['chunk-PROVPG01.js', 'import{m}from"./chunk-MATCARD1.js";import"./chunk-CORE0001.js";'],
  ['chunk-MATCARD1.js', 'export const m=1;'],
  ['chunk-KPIPG001.js', 'import{m}from"./chunk-MATCARD1.js";import{c}from"./chunk-CHARTS01.js";'],
  ['chunk-CHARTS01.js', 'export const c=1;'],
  [
    'chunk-PUBLIC01.js',
    'import{L}from"./chunk-PUBLAY01.js";var p=[{path:"",component:L,children:[' +
      '{path:"",loadComponent:()=>import("./chunk-PUBOVR01.js").then(e=>e.PublicOverview)},' +
      '{path:"province/:code",loadComponent:()=>import("./chunk-PUBPRV01.js").then(e=>e.PublicProvince)}]}];',
  ],
  ['chunk-PUBLAY01.js', 'export const L=1;'],
  ['chunk-PUBOVR01.js', 'export const x=1;'],
  ['chunk-PUBPRV01.js', 'import{m}from"./chunk-MATCARD1.js";'],
  ['chunk-OVERVW01.js', 'import{m}from"./chunk-MATCARD1.js";var r=[{path:"",component:N}];'],
  [
    'chunk-ANALYS01.js',
    'var r=[{path:"",component:D,children:[{path:"quality",loadComponent:()=>import("./chunk-QUALIT01.js")}]}];',
  ],
  ['chunk-QUALIT01.js', 'export const q=1;'],
]);

describe('routePreloads: the lazy chunks a screen address needs, read from the build', () => {
  const preloads = routePreloadsOf(builtModules(BUILD));

  it("names the route's chunk and the page's, with everything they import, parents first, none of the initial ones", () => {
    expect(preloads.forPath('/province/50')).toEqual(['chunk-SCORES01.js', 'chunk-PROVPG01.js', 'chunk-MATCARD1.js']);
    expect(preloads.forPath('province/50/kpi/0c7e')).toEqual([
      'chunk-SCORES01.js',
      'chunk-KPIPG001.js',
      'chunk-MATCARD1.js',
      'chunk-CHARTS01.js',
    ]);
  });

  it('reads the children of a path-less layout as the routes below it, and a multi-segment path as one', () => {
    expect(preloads.forPath('/public')).toEqual(['chunk-PUBLIC01.js', 'chunk-PUBLAY01.js', 'chunk-PUBOVR01.js']);
    expect(preloads.forPath('/public/province/96')).toEqual([
      'chunk-PUBLIC01.js',
      'chunk-PUBLAY01.js',
      'chunk-PUBPRV01.js',
      'chunk-MATCARD1.js',
    ]);
    expect(preloads.forPath('/ministry/analysis/quality')).toEqual(['chunk-ANALYS01.js', 'chunk-QUALIT01.js']);
  });

  it('gives the national overview at the root and a lone page its own chunks; query strings do not matter', () => {
    expect(preloads.forPath('/')).toEqual(['chunk-OVERVW01.js', 'chunk-MATCARD1.js']);
    expect(preloads.forPath('/?fy=2570')).toEqual(['chunk-OVERVW01.js', 'chunk-MATCARD1.js']);
    expect(preloads.forPath('/sign-in')).toEqual(['chunk-SIGNIN01.js', 'chunk-FORMS001.js']);
  });

  it('names nothing for an address no route matches, or a page deeper than its route', () => {
    expect(preloads.forPath('/no-such-screen')).toEqual([]);
    expect(preloads.forPath('/sign-in/extra')).toEqual([]);
    expect(routePreloadsOf(builtModules(new Map([['chunk-ONLY0001.js', '']]))).forPath('/province/50')).toEqual([]);
  });
});
