import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { OpenDataColumnType, OpenDatasetId } from '@provdash/shared/contracts';
import { datasetOf } from './datasets';

/**
 * OpenAPI schemas generated from the data dictionary, so the document describes exactly the columns
 * the datasets have (one source: datasets.ts) with their meaning and unit.
 */

const TYPES: Record<OpenDataColumnType, SchemaObject> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  boolean: { type: 'boolean' },
};

const LICENCE: SchemaObject = {
  type: 'object',
  properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' } },
};

export function rowSchema(id: OpenDatasetId): SchemaObject {
  const d = datasetOf(id);
  if (!d) throw new Error(`no dataset ${id}`);
  return {
    type: 'object',
    properties: Object.fromEntries(
      d.columns.map((c) => [
        c.name,
        {
          ...TYPES[c.type],
          nullable: true,
          description: `${c.descriptionEn}${c.unitEn ? ` (${c.unitEn})` : ''} — ${c.descriptionTh}`,
        },
      ]),
    ),
  };
}

export function pageSchema(id: OpenDatasetId): SchemaObject {
  return {
    type: 'object',
    properties: {
      dataset: { type: 'string', example: id },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      total: { type: 'integer', description: 'rows matching the filters, on all pages' },
      lastUpdated: { type: 'string', format: 'date-time', nullable: true },
      licence: LICENCE,
      data: { type: 'array', items: rowSchema(id) },
    },
  };
}

const DATASET: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    titleTh: { type: 'string' },
    titleEn: { type: 'string' },
    descriptionTh: { type: 'string' },
    descriptionEn: { type: 'string' },
    byFiscalYear: { type: 'boolean' },
    filters: { type: 'array', items: { type: 'string' } },
    formats: { type: 'array', items: { type: 'string', enum: ['csv', 'json', 'xlsx'] } },
    lastUpdated: { type: 'string', format: 'date-time', nullable: true },
    apiPath: { type: 'string', example: '/api/public/results' },
    downloadPath: { type: 'string', example: '/api/public/datasets/results', description: 'add .csv, .json or .xlsx' },
    licence: LICENCE,
  },
};

export const CATALOGUE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    publisherTh: { type: 'string' },
    publisherEn: { type: 'string' },
    licence: LICENCE,
    fiscalYears: { type: 'array', items: { type: 'integer' } },
    datasets: { type: 'array', items: DATASET },
  },
};

export const DATASET_DETAIL_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    ...DATASET.properties,
    columns: {
      type: 'array',
      description: 'the data dictionary',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          type: { type: 'string', enum: Object.keys(TYPES) },
          unitTh: { type: 'string', nullable: true },
          unitEn: { type: 'string', nullable: true },
          descriptionTh: { type: 'string' },
          descriptionEn: { type: 'string' },
        },
      },
    },
  },
};
