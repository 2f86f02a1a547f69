import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { formatNumber } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, toDecimal } from '@provdash/dashboard/workspace/data-access';
import type {
  AgreementDirectionName,
  AgreementIndicatorInputDto,
  AgreementIndicatorKindName,
  AgreementTemplateDto,
  AgreementTemplateIndicatorDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf } from '@provdash/shared/domain';
import { firstValueFrom, map, merge, startWith } from 'rxjs';
import { checkTemplate, DraftIndicator } from './template-rules';

type Levels = [FormControl<string>, FormControl<string>, FormControl<string>, FormControl<string>, FormControl<string>];

interface RowForm {
  weight: FormControl<string>;
  levels: FormArray<FormControl<string>>;
}

const levelControls = (values: readonly (string | number)[] = ['', '', '', '', '']) =>
  new FormArray(values.map((v) => new FormControl(String(v), { nonNullable: true })) as Levels);

/**
 * `/ministry/agreements/templates` (central analysts and admins): the year's agreement template —
 * indicators with their default weights and the five criterion values (level 3 the target), checked
 * live by the domain's own rule (weights summing to exactly 100, levels monotonic in the direction),
 * then published for the provinces. A new year can start as a copy of last year's published template.
 */
@Component({
  selector: 'pd-agreement-templates-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './templates.page.html',
  styleUrl: './agreement.page.scss',
})
export class TemplatesPage {
  private readonly http = inject(HttpClient);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current, this.current + 1, this.current + 2];
  readonly fiscalYear = signal(this.current + 1);
  readonly number = formatNumber;

  readonly list = httpResource<AgreementTemplateDto[]>(() => ({
    url: '/api/agreement-templates',
    params: { fiscalYear: this.fiscalYear() },
  }));
  readonly lastYear = httpResource<AgreementTemplateDto[]>(() => ({
    url: '/api/agreement-templates',
    params: { fiscalYear: this.fiscalYear() - 1 },
  }));
  readonly lastPublished = computed(() =>
    this.lastYear.hasValue()
      ? ([...this.lastYear.value()].reverse().find((x) => x.status === 'published') ?? null)
      : null,
  );
  readonly selectedId = signal<string | null>(null);
  readonly template = signal<AgreementTemplateDto | null>(null);

  readonly createForm = new FormGroup({
    nameTh: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    nameEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
  });
  readonly rows = new FormArray<FormGroup<RowForm>>([]);
  readonly addForm = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[A-Za-z0-9.\-_]{1,16}$/)],
    }),
    nameTh: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    nameEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    unitTh: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(50)] }),
    unitEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(50)] }),
    direction: new FormControl<AgreementDirectionName>('higher_better', { nonNullable: true }),
    kind: new FormControl<AgreementIndicatorKindName>('scale', { nonNullable: true }),
    weight: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    levels: levelControls(),
    kpiCode: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^[A-Za-z0-9.\-_]{0,16}$/)] }),
  });

  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly stale = signal(false);
  /** Field errors the server names, by field (`indicator.levels`, `weights`…). */
  readonly fieldErrors = signal<Record<string, string>>({});

  private readonly formTick = toSignal(
    merge(this.rows.valueChanges, this.addForm.valueChanges).pipe(
      startWith(null),
      map(() => Symbol()),
    ),
  );

  private num(text: string): number | null {
    const d = toDecimal(text, this.lang());
    return d === null ? null : Number(d);
  }

  /** The template as it would be with what is typed now (rows edited in place). */
  readonly check = computed(() => {
    this.formTick();
    const t = this.template();
    if (!t) return null;
    const drafts: DraftIndicator[] = t.indicators.map((i, k) => {
      const row = this.rows.at(k)?.getRawValue();
      return {
        direction: i.direction,
        kind: i.kind,
        weight: row ? this.num(row.weight) : Number(i.weight),
        levels: row ? row.levels.map((l) => this.num(l)) : i.levels.map(Number),
      };
    });
    return checkTemplate(drafts);
  });

  /** The new indicator's own criterion values, checked as it is typed. */
  readonly addCheck = computed(() => {
    this.formTick();
    const v = this.addForm.getRawValue();
    return checkTemplate([
      {
        direction: v.direction,
        kind: v.kind,
        weight: this.num(v.weight) ?? 100,
        levels: v.levels.map((l) => this.num(l)),
      },
    ]).levels[0];
  });

  constructor() {
    // The year's templates: keep the chosen one, else the latest draft, else the latest.
    effect(() => {
      if (!this.list.hasValue()) return;
      const all = this.list.value();
      const keep = untracked(() => this.selectedId());
      const pick =
        all.find((x) => x.id === keep) ??
        [...all].reverse().find((x) => x.status === 'draft') ??
        all[all.length - 1] ??
        null;
      untracked(() => this.show(pick));
    });
  }

  setYear(fy: number) {
    this.fiscalYear.set(fy);
    this.selectedId.set(null);
  }

  select(id: string) {
    const t = this.list.value()?.find((x) => x.id === id) ?? null;
    this.show(t);
  }

  private show(t: AgreementTemplateDto | null) {
    this.template.set(t);
    this.selectedId.set(t?.id ?? null);
    this.rows.clear({ emitEvent: false });
    for (const i of t?.indicators ?? []) {
      this.rows.push(
        new FormGroup<RowForm>({
          weight: new FormControl(i.weight, { nonNullable: true, validators: [Validators.required] }),
          levels: levelControls(i.levels),
        }),
        { emitEvent: false },
      );
    }
    if (t?.status === 'published') this.rows.disable({ emitEvent: false });
    this.rows.updateValueAndValidity();
  }

  rowChanged(k: number): boolean {
    const t = this.template();
    const row = this.rows.at(k)?.getRawValue();
    if (!t || !row) return false;
    const i = t.indicators[k];
    return this.num(row.weight) !== Number(i.weight) || row.levels.some((l, j) => this.num(l) !== Number(i.levels[j]));
  }

  async create() {
    if (this.createForm.invalid) {
      this.createForm.markAllAsTouched();
      return;
    }
    const t = await this.call(() =>
      this.http.post<AgreementTemplateDto>('/api/agreement-templates', {
        fiscalYear: this.fiscalYear(),
        ...this.createForm.getRawValue(),
      }),
    );
    if (t) this.afterWrite(t);
  }

  /** A draft for this year with last year's published indicators, weights and criterion values. */
  async copyLastYear() {
    const from = this.lastPublished();
    if (!from) return;
    let t = await this.call(() =>
      this.http.post<AgreementTemplateDto>('/api/agreement-templates', {
        fiscalYear: this.fiscalYear(),
        nameTh: from.nameTh.replace(String(from.fiscalYear), String(this.fiscalYear())),
        nameEn: from.nameEn.replace(String(from.fiscalYear), String(this.fiscalYear())),
      }),
    );
    for (const i of from.indicators) {
      if (!t) return;
      const created: AgreementTemplateDto = t;
      t = await this.call(() =>
        this.http.post<AgreementTemplateDto>(`/api/agreement-templates/${created.id}/indicators`, inputOf(i)),
      );
    }
    if (t) this.afterWrite(t);
  }

  async saveRow(k: number) {
    const t = this.template();
    const row = this.rows.at(k)?.getRawValue();
    if (!t || !row) return;
    const i = t.indicators[k];
    const weight = toDecimal(row.weight, this.lang());
    const levels = row.levels.map((l) => toDecimal(l, this.lang()));
    if (weight === null || levels.some((l) => l === null)) return;
    const saved = await this.call(() =>
      this.http.patch<AgreementTemplateDto>(`/api/agreement-templates/${t.id}/indicators/${i.id}`, {
        version: i.version,
        weight,
        levels,
      }),
    );
    if (saved) this.afterWrite(saved);
  }

  async add() {
    const v = this.addForm.getRawValue();
    const weight = toDecimal(v.weight, this.lang());
    const levels = v.levels.map((l) => toDecimal(l, this.lang()));
    if (this.addForm.invalid || weight === null || levels.some((l) => l === null) || this.addCheck()) {
      this.addForm.markAllAsTouched();
      return;
    }
    const t = this.template();
    if (!t) return;
    const body: AgreementIndicatorInputDto = {
      code: v.code.trim(),
      nameTh: v.nameTh.trim(),
      nameEn: v.nameEn.trim(),
      unitTh: v.unitTh.trim(),
      unitEn: v.unitEn.trim(),
      direction: v.direction,
      kind: v.kind,
      weight,
      levels: levels as string[],
      kpiCode: v.kpiCode.trim() || null,
    };
    const saved = await this.call(() =>
      this.http.post<AgreementTemplateDto>(`/api/agreement-templates/${t.id}/indicators`, body),
    );
    if (saved) {
      this.addForm.reset({ direction: 'higher_better', kind: 'scale' });
      this.afterWrite(saved);
    }
  }

  async publish() {
    const t = this.template();
    if (!t || !this.check()?.valid) return;
    const saved = await this.call(() =>
      this.http.post<AgreementTemplateDto>(`/api/agreement-templates/${t.id}/publish`, { version: t.version }),
    );
    if (saved) this.afterWrite(saved);
  }

  private afterWrite(t: AgreementTemplateDto) {
    this.selectedId.set(t.id);
    this.show(t);
    this.list.reload();
  }

  private async call<T>(request: () => import('rxjs').Observable<T>): Promise<T | null> {
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    try {
      return await firstValueFrom(request());
    } catch (e) {
      const p = apiProblem(e);
      this.stale.set(p.status === 409 && p.code === 'conflict.version');
      this.fieldErrors.set(Object.fromEntries(p.details.map((d) => [d.field, d.messages[0] ?? ''])));
      this.error.set(p.message ?? String(p.status));
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  reload() {
    this.stale.set(false);
    this.error.set(null);
    this.list.reload();
  }
}

function inputOf(i: AgreementTemplateIndicatorDto): AgreementIndicatorInputDto {
  return {
    code: i.code,
    nameTh: i.nameTh,
    nameEn: i.nameEn,
    unitTh: i.unitTh,
    unitEn: i.unitEn,
    direction: i.direction,
    kind: i.kind,
    weight: i.weight,
    levels: i.levels,
    kpiCode: i.kpiCode,
  };
}
