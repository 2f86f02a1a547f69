import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@provdash/dashboard/auth/data-access';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { formatNumber } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, toDecimal } from '@provdash/dashboard/workspace/data-access';
import type {
  AgreementDto,
  AgreementRankingDto,
  AgreementRoundNumber,
  AgreementTemplateDto,
  SubmitAgreementRoundDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatDateLabel } from '@provdash/shared/domain';
import { firstValueFrom, map, Observable } from 'rxjs';
import {
  exactScore,
  gainRows,
  indicatorRows,
  lastRound,
  reviewOf,
  roundDueFrom,
  roundState,
  shortScore,
} from './agreement-view';
import { editMode, versionRows } from './agreement-flow';
import { checkTemplate } from './template-rules';
import { ConfirmSignDialog, ConfirmSignData } from './confirm-sign.dialog';

const WRITERS = ['province_officer', 'province_approver', 'admin'];

interface LineForm {
  indicatorId: FormControl<string>;
  narrativeTh: FormControl<string>;
  evidenceUrl: FormControl<string>;
}

/**
 * `/workspace/agreement`: the province's performance agreement as its governor and strategy office
 * read it — per indicator the weight, result, level reached, score, the value that reaches the next
 * level and the points that would add; where the most points are available; the live score beside
 * the last frozen round (two decimals, the exact value on demand); the signed PDF. At a round's end
 * the strategy office submits its self-assessment (narrative and evidence per indicator) for the
 * centre to evaluate.
 */
@Component({
  selector: 'pd-agreement-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTooltipModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreement.page.html',
  styleUrl: './agreement.page.scss',
})
export class AgreementPage {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  readonly lang = injectLang();
  readonly today = bangkokDateOf(new Date());
  private readonly current = fiscalYearOf(this.today);
  readonly years = [this.current - 1, this.current, this.current + 1];
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fiscalYear')) || this.current);
  readonly rounds: AgreementRoundNumber[] = [6, 12];

  private readonly user = this.auth.user;
  /** A province's people see their own province; others (admins) choose one. */
  readonly ownProvince = computed(() => (this.user()?.scope.type === 'province' ? this.user()?.scope.code : null));
  readonly chosen = signal<string | null>(this.route.snapshot.queryParamMap.get('province'));
  readonly province = computed(() => this.ownProvince() ?? this.chosen());
  readonly mayWrite = computed(() => WRITERS.includes(this.user()?.role ?? ''));

  /** The provinces to choose from, by name in the reader's language. */
  readonly provinces = computed(() =>
    [...(this.ranking.value()?.rows ?? [])].sort((a, b) =>
      this.lang() === 'en' ? a.nameEn.localeCompare(b.nameEn, 'en') : a.nameTh.localeCompare(b.nameTh, 'th'),
    ),
  );
  readonly ranking = httpResource<AgreementRankingDto>(() =>
    this.ownProvince() ? undefined : { url: '/api/compare/agreements', params: { fiscalYear: this.fiscalYear() } },
  );
  /** The province's agreement of the year: a draft too, for the province's own people. */
  readonly agreement = httpResource<AgreementDto>(() => {
    const code = this.province();
    return code ? { url: `/api/org-units/${code}/agreement`, params: { fiscalYear: this.fiscalYear() } } : undefined;
  });
  /** The year's published templates, to start an agreement from. */
  readonly templates = httpResource<AgreementTemplateDto[]>(() =>
    this.mayWrite() && this.agreement.error()
      ? { url: '/api/agreement-templates', params: { fiscalYear: this.fiscalYear() } }
      : undefined,
  );
  readonly published = computed(() => (this.templates.value() ?? []).filter((x) => x.status === 'published'));

  readonly live = computed(() => (this.agreement.hasValue() ? this.agreement.value().live.indicators : []));
  readonly rows = computed(() => indicatorRows(this.live()));
  readonly gains = computed(() => gainRows(this.live()));
  readonly last = computed(() => lastRound(this.agreement.hasValue() ? this.agreement.value() : undefined));
  readonly pdfUrl = computed(() => `/api/org-units/${this.province()}/agreement.pdf?fiscalYear=${this.fiscalYear()}`);

  readonly codesOf = (am: AgreementDto['amendments'][number]) => am.changes.map((c) => c.code).join(', ');
  readonly short = shortScore;
  readonly exact = exactScore;
  readonly number = formatNumber;
  readonly dueFrom = roundDueFrom;
  /** A calendar day in B.E. for Thai readers. */
  readonly day = (iso: string) => formatDateLabel(iso, this.lang() === 'en' ? 'en' : 'th');

  readonly submitting = signal<AgreementRoundNumber | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly stale = signal(false);
  readonly form = new FormGroup({ lines: new FormArray<FormGroup<LineForm>>([]) });

  /** Only the province's governor signs (admins too); the API refuses everyone else. */
  readonly mayGovern = computed(() => ['governor', 'admin'].includes(this.user()?.role ?? ''));
  /** Edit freely (draft, returned), ask for an amendment (signed), or nothing (with the ministry, closed). */
  readonly mode = computed(() => (this.agreement.hasValue() ? editMode(this.agreement.value()) : null));
  readonly history = computed(() => versionRows(this.agreement.hasValue() ? this.agreement.value().versions : []));
  readonly pendingAmendment = computed(() =>
    this.agreement.hasValue() ? this.agreement.value().amendments.some((a) => a.status === 'pending') : false,
  );
  /** Before proposing: why each indicator differs from the template. */
  readonly changeReasons = new FormArray<FormControl<string>>([]);
  private readonly reasonTick = toSignal(this.changeReasons.valueChanges.pipe(map(() => Symbol())));

  readonly mayApprove = computed(() => ['province_approver', 'admin'].includes(this.user()?.role ?? ''));
  readonly myId = computed(() => this.user()?.id ?? null);

  // Starting from the template.
  readonly templateChoice = new FormControl('', { nonNullable: true, validators: [Validators.required] });

  // Weights: freely while draft, as an amendment with a reason once signed.
  readonly weights = new FormArray<FormControl<string>>([]);
  readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] });
  private readonly weightTick = toSignal(this.weights.valueChanges.pipe(map(() => Symbol())));
  readonly weightCheck = computed(() => {
    this.weightTick();
    if (!this.agreement.hasValue()) return null;
    return checkTemplate(
      this.agreement.value().indicators.map((i, k) => ({
        direction: i.direction,
        kind: i.kind,
        weight: this.num(this.weights.at(k)?.value ?? i.weight),
        levels: i.levels.map(Number),
      })),
    );
  });

  readonly signForm = new FormGroup({
    signedByGovernor: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    signedByMinistry: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    signedAt: new FormControl(this.today, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)],
    }),
  });

  // Manual results of indicators not linked to a KPI.
  readonly resultForm = new FormGroup({
    indicatorId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    period: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    value: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    narrativeTh: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
  });
  readonly standalone = computed(() =>
    this.agreement.hasValue() ? this.agreement.value().indicators.filter((i) => i.kpiId === null) : [],
  );
  readonly periods = computed(() => [`${this.fiscalYear()}-H1`, String(this.fiscalYear())]);

  constructor() {
    // The year's latest published template is the one to start from, unless another is chosen.
    effect(() => {
      const all = this.published();
      const latest = all.length ? all[all.length - 1] : null;
      if (latest && !untracked(() => this.templateChoice.value)) this.templateChoice.setValue(latest.id);
    });
    effect(() => {
      const a = this.agreement.hasValue() ? this.agreement.value() : null;
      untracked(() => {
        this.weights.clear({ emitEvent: false });
        for (const i of a?.indicators ?? []) {
          this.weights.push(new FormControl(i.weight, { nonNullable: true, validators: [Validators.required] }), {
            emitEvent: false,
          });
        }
        this.changeReasons.clear({ emitEvent: false });
        for (const i of a?.indicators ?? []) {
          this.changeReasons.push(
            new FormControl(i.changeReason ?? '', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
            { emitEvent: false },
          );
        }
        if (a && !this.mayWrite()) this.weights.disable({ emitEvent: false });
        this.changeReasons.updateValueAndValidity();
        this.weights.updateValueAndValidity();
        this.reason.reset('');
      });
    });
  }

  private num(text: string): number | null {
    const d = toDecimal(text, this.lang());
    return d === null ? null : Number(d);
  }

  weightsChanged(): boolean {
    this.weightTick();
    this.reasonTick();
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    return (
      !!a &&
      a.indicators.some(
        (i, k) =>
          this.num(this.weights.at(k)?.value ?? '') !== Number(i.weight) ||
          (this.changeReasons.at(k)?.value ?? '').trim() !== (i.changeReason ?? ''),
      )
    );
  }

  /** An indicator whose weight (as typed) or levels differ from the template's: it needs a reason before proposing. */
  differs(k: number): boolean {
    this.weightTick();
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    const i = a?.indicators[k];
    if (!i) return false;
    if (i.templateWeight === null || i.templateLevels === null) return true;
    const w = this.num(this.weights.at(k)?.value ?? i.weight);
    return w !== Number(i.templateWeight) || i.levels.some((l, n) => Number(l) !== Number(i.templateLevels?.[n]));
  }

  async propose() {
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    if (!a) return;
    await this.call(() => this.http.post<AgreementDto>(`/api/agreements/${a.id}/propose`, { version: a.version }));
  }

  async derive() {
    const code = this.province();
    if (this.templateChoice.invalid || !code) {
      this.templateChoice.markAsTouched();
      return;
    }
    await this.call(() =>
      this.http.post<AgreementDto>('/api/agreements', { orgUnitCode: code, templateId: this.templateChoice.value }),
    );
  }

  async saveWeights() {
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    if (!a || !this.weightCheck()?.valid) return;
    const amending = this.mode() === 'amend';
    if (amending && !this.reason.value.trim()) {
      this.reason.setErrors({ required: true });
      this.reason.markAsTouched();
      return;
    }
    const indicators = a.indicators
      .map((i, k) => ({
        id: i.id,
        version: i.version,
        weight: toDecimal(this.weights.at(k).value, this.lang()) ?? i.weight,
        changeReason: (this.changeReasons.at(k)?.value ?? '').trim(),
      }))
      .filter(
        (c, k) =>
          Number(c.weight) !== Number(a.indicators[k].weight) ||
          (!amending && c.changeReason !== (a.indicators[k].changeReason ?? '')),
      )
      .map(({ changeReason, ...c }) => (amending ? c : { ...c, changeReason }));
    await this.call(() =>
      this.http.patch<AgreementDto>(`/api/agreements/${a.id}/indicators`, {
        indicators,
        ...(amending ? { reason: this.reason.value.trim() } : {}),
      }),
    );
  }

  async sign() {
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    if (!a) return;
    if (this.signForm.invalid) {
      this.signForm.markAllAsTouched();
      return;
    }
    const t = (key: string) => this.transloco.translate(`agreementFlow.sign.${key}`);
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmSignDialog, ConfirmSignData, boolean>(ConfirmSignDialog, {
          data: { title: t('confirmTitle'), body: t('confirmBody'), confirm: t('confirm'), cancel: t('cancel') },
          maxWidth: '92vw',
        })
        .afterClosed(),
    );
    if (!confirmed) return;
    await this.call(() =>
      this.http.post<AgreementDto>(`/api/agreements/${a.id}/sign`, {
        version: a.version,
        ...this.signForm.getRawValue(),
      }),
    );
  }

  isMilestone(indicatorId: string) {
    return this.standalone().find((i) => i.id === indicatorId)?.kind === 'milestone';
  }

  async saveResult() {
    const v = this.resultForm.getRawValue();
    const milestone = this.isMilestone(v.indicatorId);
    const value = milestone ? null : toDecimal(v.value, this.lang());
    const step = milestone ? Number(v.value) : null;
    const badStep = step === null || !Number.isInteger(step) || step < 0 || step > 5;
    if (this.resultForm.invalid || (milestone ? badStep : value === null)) {
      if (!this.resultForm.invalid) this.resultForm.controls.value.setErrors({ number: true });
      this.resultForm.markAllAsTouched();
      return;
    }
    const existing = this.standalone()
      .find((i) => i.id === v.indicatorId)
      ?.results.find((r) => r.period === v.period);
    const ok = await this.call(
      () =>
        this.http.put(`/api/agreement-indicators/${v.indicatorId}/results/${v.period}`, {
          ...(milestone ? { step } : { value }),
          narrativeTh: v.narrativeTh.trim(),
          ...(existing ? { version: existing.version } : {}),
        }),
      true,
    );
    if (ok) this.resultForm.reset({ indicatorId: v.indicatorId, period: v.period });
  }

  async approveResult(indicatorId: string, period: string, version: number) {
    await this.call(
      () => this.http.post(`/api/agreement-indicators/${indicatorId}/results/${period}/approve`, { version }),
      true,
    );
  }

  /** One write; the agreement as the server now has it replaces the one shown (or is read again). */
  private async call(request: () => Observable<unknown>, reread = false): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.stale.set(false);
    try {
      const res = await firstValueFrom(request());
      if (reread) this.agreement.reload();
      else this.agreement.set(res as AgreementDto);
      return true;
    } catch (e) {
      const p = apiProblem(e);
      this.stale.set(p.status === 409 && p.code === 'conflict.version');
      this.error.set([p.message ?? String(p.status), ...p.details.flatMap((d) => d.messages)].join(' '));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  state(round: AgreementRoundNumber) {
    return this.agreement.hasValue() ? roundState(this.agreement.value(), round, this.today) : 'notDue';
  }

  review(round: AgreementRoundNumber) {
    return reviewOf(this.agreement.hasValue() ? this.agreement.value() : undefined, round);
  }

  nameOf(indicatorId: string): string {
    const i = this.agreement.hasValue() ? this.agreement.value().indicators.find((x) => x.id === indicatorId) : null;
    return i ? `${i.code} ${this.lang() === 'en' ? i.nameEn : i.nameTh}` : indicatorId;
  }

  setYear(fy: number) {
    this.fiscalYear.set(fy);
    this.submitting.set(null);
  }

  /** Opens the self-assessment: one narrative and one evidence link per indicator. */
  startSubmit(round: AgreementRoundNumber) {
    if (!this.agreement.hasValue()) return;
    const lines = this.form.controls.lines;
    lines.clear();
    for (const i of this.agreement.value().indicators) {
      lines.push(
        new FormGroup<LineForm>({
          indicatorId: new FormControl(i.id, { nonNullable: true }),
          narrativeTh: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(4000)] }),
          evidenceUrl: new FormControl('', {
            nonNullable: true,
            validators: [Validators.pattern(/^https?:\/\/\S+$/), Validators.maxLength(1000)],
          }),
        }),
      );
    }
    this.error.set(null);
    this.stale.set(false);
    this.submitting.set(round);
  }

  async submit() {
    const round = this.submitting();
    if (round === null || !this.agreement.hasValue()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body: SubmitAgreementRoundDto = {
      version: this.agreement.value().version,
      indicators: this.form.controls.lines.getRawValue().map((l) => ({
        indicatorId: l.indicatorId,
        narrativeTh: l.narrativeTh.trim(),
        evidence: l.evidenceUrl.trim()
          ? [{ url: l.evidenceUrl.trim(), title: l.evidenceUrl.trim().slice(0, 300) }]
          : [],
      })),
    };
    this.busy.set(true);
    this.error.set(null);
    try {
      const a = await firstValueFrom(
        this.http.post<AgreementDto>(`/api/agreements/${this.agreement.value().id}/rounds/${round}/submit`, body),
      );
      this.agreement.set(a);
      this.submitting.set(null);
    } catch (e) {
      const p = apiProblem(e);
      this.stale.set(p.status === 409 && p.code === 'conflict.version');
      this.error.set(p.message ?? String(p.status));
    } finally {
      this.busy.set(false);
    }
  }

  reload() {
    this.stale.set(false);
    this.error.set(null);
    this.agreement.reload();
  }
}
