/** A province's monthly report as the workspace lists it. */
export interface MonthlyReportDto {
  id: string;
  orgUnitCode: string;
  /** `YYYY-MM`, Gregorian: the month reported on. */
  month: string;
  fiscalYear: number;
  asOf: string;
  generatedAt: string;
  trigger: 'schedule' | 'manual';
  pdfBytes: number;
  xlsxBytes: number;
  pdfUrl: string;
  xlsxUrl: string;
}
