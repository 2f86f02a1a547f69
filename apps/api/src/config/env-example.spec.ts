import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './app-config';

describe('docker/.env.example', () => {
  it('documents every setting the API reads', () => {
    const text = readFileSync(join(__dirname, '../../../../docker/.env.example'), 'utf8');
    const settings = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(AppConfig, '', true, false)
        .map((m) => m.propertyName),
    );
    const missing = [...settings].filter((s) => !new RegExp(`^#? ?${s}=`, 'm').test(text));
    expect(missing).toEqual([]);
  });
});
