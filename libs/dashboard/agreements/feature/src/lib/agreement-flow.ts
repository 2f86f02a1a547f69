import type { AgreementDto, AgreementVersionDto } from '@provdash/shared/contracts';
import { changedTerms } from '@provdash/shared/domain';

/** One indicator across the signed versions: weight and levels per version, and what changed from the one before. */
export interface VersionRow {
  code: string;
  nameTh: string;
  nameEn: string;
  cells: { weight: string | null; levels: string[] | null; weightChanged: boolean; levelChanged: boolean[] }[];
}

/** The side-by-side history: one row per indicator code seen in any version, one cell per version. */
export function versionRows(versions: readonly AgreementVersionDto[]): VersionRow[] {
  const codes: string[] = [];
  for (const v of versions) for (const i of v.indicators) if (!codes.includes(i.code)) codes.push(i.code);
  return codes.map((code) => {
    const first = versions.flatMap((v) => v.indicators).find((i) => i.code === code);
    return {
      code,
      nameTh: first?.nameTh ?? code,
      nameEn: first?.nameEn ?? code,
      cells: versions.map((v, k) => {
        const now = v.indicators.find((i) => i.code === code) ?? null;
        const before = k === 0 ? null : (versions[k - 1].indicators.find((i) => i.code === code) ?? null);
        const diff =
          k === 0 || !now ? { weight: false, levels: (now?.levels ?? []).map(() => false) } : changedTerms(before, now);
        return {
          weight: now?.weight ?? null,
          levels: now?.levels ?? null,
          weightChanged: diff.weight,
          levelChanged: diff.levels,
        };
      }),
    };
  });
}

/** The province may edit its indicators freely (draft, returned) or ask for an amendment (signed). */
export function editMode(a: Pick<AgreementDto, 'status'>): 'edit' | 'amend' | null {
  if (a.status === 'draft' || a.status === 'returned') return 'edit';
  if (a.status === 'agreed' || a.status === 'evaluated_6') return 'amend';
  return null;
}
