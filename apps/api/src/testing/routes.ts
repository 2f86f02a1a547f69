import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from '../modules/access/access.decorators';

export interface RouteInfo {
  /** e.g. "PUT /api/kpis/:kpiId/results/:period" */
  key: string;
  handler: string;
  rule: AccessRule | undefined;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every HTTP route the app serves, with the access rule it declares (if any). */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) ?? '';
      const classRule = Reflect.getMetadata(ACCESS_KEY, type) as AccessRule | undefined;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const fn = (type.prototype as Record<string, unknown>)[name];
        if (typeof fn !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, fn);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        routes.push({
          key: `${method} ${join('api', base, path)}`,
          handler: `${type.name}.${name}`,
          rule: (Reflect.getMetadata(ACCESS_KEY, fn) as AccessRule | undefined) ?? classRule,
        });
      }
    }
  }
  return routes;
}
