import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { formatNumber } from '@provdash/dashboard/scorecards/ui';
import { apiProblem, toDecimal } from '@provdash/dashboard/workspace/data-access';
import type {
  AgreementDto,
  AgreementRankingDto,
  AgreementRoundNumber,
  AgreementRoundReviewLineDto,
  DecideAgreementRoundLineDto,
} from '@provdash/shared/contracts';
import { bangkokDateOf, fiscalYearOf, formatDecimal } from '@provdash/shared/domain';
import { firstValueFrom } from 'rxjs';
import { exactScore, reviewOf, shortScore } from './agreement-view';

interface AdjustForm {
  value: FormControl<string>;
  reason: FormControl<string>;
}

/**
 * `/ministry/agreements/evaluate` (central evaluators, admins): a province's submitted round, each
 * indicator's self-assessed result with its narrative and evidence; the evaluator accepts it or
 * adjusts it with a reason, then freezes the round. Every call carries the review's version: what
 * someone else changed meanwhile is refused with a reload, never overwritten.
 */
@Component({
  selector: 'pd-agreement-evaluation-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evaluation.page.html',
  styleUrl: './agreement.page.scss',
})
export class EvaluationPage {
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);
  readonly lang = injectLang();
  private readonly current = fiscalYearOf(bangkokDateOf(new Date()));
  readonly years = [this.current - 2, this.current - 1, this.current, this.current + 1];
  readonly fiscalYear = signal(Number(this.route.snapshot.queryParamMap.get('fiscalYear')) || this.current - 1);
  readonly province = signal<string | null>(this.route.snapshot.queryParamMap.get('province'));
  readonly round = signal<AgreementRoundNumber>(this.route.snapshot.queryParamMap.get('round') === '12' ? 12 : 6);

  /** The provinces to choose from, by name in the reader's language. */
  readonly provinces = computed(() =>
    [...(this.ranking.value()?.rows ?? [])].sort((a, b) =>
      this.lang() === 'en' ? a.nameEn.localeCompare(b.nameEn, 'en') : a.nameTh.localeCompare(b.nameTh, 'th'),
    ),
  );
  readonly ranking = httpResource<AgreementRankingDto>(() => ({
    url: '/api/compare/agreements',
    params: { fiscalYear: this.fiscalYear() },
  }));
  readonly agreementId = computed(() => {
    const code = this.province();
    return this.ranking.hasValue()
      ? (this.ranking.value().rows.find((p) => p.orgUnitCode === code)?.agreementId ?? null)
      : null;
  });
  readonly agreement = httpResource<AgreementDto>(() => {
    const id = this.agreementId();
    return id ? `/api/agreements/${id}` : undefined;
  });
  readonly review = computed(() =>
    reviewOf(this.agreement.hasValue() ? this.agreement.value() : undefined, this.round()),
  );
  readonly undecided = computed(() => this.review()?.lines.filter((l) => l.decision === 'pending').length ?? 0);
  readonly frozenRound = computed(() =>
    this.agreement.hasValue() ? (this.agreement.value().rounds.find((r) => r.round === this.round()) ?? null) : null,
  );

  readonly number = formatNumber;
  readonly short = shortScore;
  readonly exact = exactScore;

  readonly adjusting = signal<string | null>(null);
  readonly adjust = new FormGroup<AdjustForm>({
    value: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] }),
  });
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly stale = signal(false);

  indicator(l: AgreementRoundReviewLineDto) {
    return this.agreement.hasValue()
      ? this.agreement.value().indicators.find((i) => i.id === l.indicatorId)
      : undefined;
  }

  nameOf(l: AgreementRoundReviewLineDto): string {
    const i = this.indicator(l);
    return i ? `${i.code} ${this.lang() === 'en' ? i.nameEn : i.nameTh}` : l.code;
  }

  isMilestone(l: AgreementRoundReviewLineDto) {
    return this.indicator(l)?.kind === 'milestone';
  }

  startAdjust(l: AgreementRoundReviewLineDto) {
    // A milestone is adjusted in steps, a scale indicator from its reported value (two decimals, as shown).
    const value = l.selfActual === null || this.isMilestone(l) ? '' : formatDecimal(l.selfActual, 2);
    this.adjust.reset({ value, reason: '' });
    this.error.set(null);
    this.adjusting.set(l.indicatorId);
  }

  async accept(l: AgreementRoundReviewLineDto) {
    await this.decide(l, { decision: 'accepted' });
  }

  async saveAdjust(l: AgreementRoundReviewLineDto) {
    if (this.adjust.invalid) {
      this.adjust.markAllAsTouched();
      return;
    }
    const raw = this.adjust.getRawValue();
    const milestone = this.isMilestone(l);
    const value = milestone ? null : toDecimal(raw.value, this.lang());
    const step = milestone ? Number(raw.value) : null;
    if (milestone ? !Number.isInteger(step) || (step as number) < 0 || (step as number) > 5 : value === null) {
      this.adjust.controls.value.setErrors({ number: true });
      this.adjust.controls.value.markAsTouched();
      return;
    }
    await this.decide(l, {
      decision: 'adjusted',
      reason: raw.reason.trim(),
      ...(milestone ? { step: step as number } : { value: value as string }),
    });
  }

  private async decide(l: AgreementRoundReviewLineDto, body: Omit<DecideAgreementRoundLineDto, 'version'>) {
    const review = this.review();
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    if (!review || !a) return;
    await this.call(() =>
      this.http.put<AgreementDto>(`/api/agreements/${a.id}/rounds/${this.round()}/indicators/${l.indicatorId}`, {
        ...body,
        version: review.version,
      }),
    );
  }

  async freeze() {
    const review = this.review();
    const a = this.agreement.hasValue() ? this.agreement.value() : null;
    if (!review || !a) return;
    await this.call(() =>
      this.http.post<AgreementDto>(`/api/agreements/${a.id}/rounds/${this.round()}/freeze`, {
        version: review.version,
      }),
    );
  }

  private async call(request: () => ReturnType<HttpClient['post']>) {
    this.busy.set(true);
    this.error.set(null);
    try {
      const a = (await firstValueFrom(request())) as AgreementDto;
      this.agreement.set(a);
      this.adjusting.set(null);
    } catch (e) {
      const p = apiProblem(e);
      this.stale.set(p.status === 409 && p.code === 'conflict.version');
      // A field the server names goes next to that field; anything else above the list.
      for (const d of p.details) {
        const c =
          d.field === 'reason'
            ? this.adjust.controls.reason
            : d.field === 'value' || d.field === 'step'
              ? this.adjust.controls.value
              : null;
        c?.setErrors({ server: d.messages[0] ?? p.message });
      }
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
