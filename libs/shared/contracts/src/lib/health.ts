export type HealthStatus = 'up' | 'down';

export interface MigrationHealthDto {
  status: HealthStatus;
  applied: number;
  pending: string[];
}
