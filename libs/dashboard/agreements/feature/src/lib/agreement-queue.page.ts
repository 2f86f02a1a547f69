import { HttpClient, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { injectLang } from '@provdash/dashboard/overview/ui';
import { formatNumber } from '@provdash/dashboard/scorecards/ui';
import { apiProblem } from '@provdash/dashboard/workspace/data-access';
import type { AgreementDto, AgreementQueueItemDto } from '@provdash/shared/contracts';
import { bangkokDateOf, formatDateLabel } from '@provdash/shared/domain';
import { firstValueFrom } from 'rxjs';

/**
 * `/ministry/agreements/queue` (central analysts, admins): the provinces' proposals and amendments
 * waiting for the ministry. Opening one shows each indicator against the template with the
 * province's reason (a proposal) or each change before and after (an amendment); the ministry
 * accepts/approves it or returns it with a reason the province reads. Every decision carries the
 * version read: a stale one is refused with a reload, never overwritten.
 */
@Component({
  selector: 'pd-agreement-queue-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agreement-queue.page.html',
  styleUrl: './agreement.page.scss',
})
export class AgreementQueuePage {
  private readonly http = inject(HttpClient);
  readonly lang = injectLang();
  readonly queue = httpResource<AgreementQueueItemDto[]>(() => '/api/agreements/queue');
  readonly open = signal<AgreementQueueItemDto | null>(null);
  readonly agreement = httpResource<AgreementDto>(() => {
    const item = this.open();
    return item ? `/api/agreements/${item.agreementId}` : undefined;
  });
  readonly amendment = computed(() => {
    const item = this.open();
    return item?.amendmentId && this.agreement.hasValue()
      ? (this.agreement.value().amendments.find((a) => a.id === item.amendmentId) ?? null)
      : null;
  });
  readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] });
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly stale = signal(false);
  readonly done = signal<string | null>(null);
  readonly number = formatNumber;
  readonly day = (iso: string) => formatDateLabel(bangkokDateOf(new Date(iso)), this.lang() === 'en' ? 'en' : 'th');

  show(item: AgreementQueueItemDto) {
    this.open.set(item);
    this.reason.reset('');
    this.error.set(null);
    this.stale.set(false);
    this.done.set(null);
  }

  /** The levels as a short text: "60 · 65 · 70 · 75 · 80". */
  levels(levels: unknown): string {
    return Array.isArray(levels) ? levels.map((l) => this.number(Number(l))).join(' · ') : '–';
  }

  differs(i: AgreementDto['indicators'][number]): boolean {
    if (i.templateWeight === null || i.templateLevels === null) return true;
    return (
      Number(i.weight) !== Number(i.templateWeight) ||
      i.levels.some((l, k) => Number(l) !== Number(i.templateLevels?.[k]))
    );
  }

  async decide(decision: 'accept' | 'return') {
    const item = this.open();
    if (!item || !this.agreement.hasValue()) return;
    if (decision === 'return' && !this.reason.value.trim()) {
      this.reason.setErrors({ required: true });
      this.reason.markAsTouched();
      return;
    }
    const a = this.agreement.value();
    const am = this.amendment();
    const url = am ? `/api/agreements/${a.id}/amendments/${am.id}/decision` : `/api/agreements/${a.id}/decision`;
    const body = am
      ? { version: am.version, decision: decision === 'accept' ? 'approve' : 'return' }
      : { version: a.version, decision };
    this.busy.set(true);
    this.error.set(null);
    this.stale.set(false);
    try {
      await firstValueFrom(
        this.http.post<AgreementDto>(url, {
          ...body,
          ...(decision === 'return' ? { reason: this.reason.value.trim() } : {}),
        }),
      );
      this.done.set(decision);
      this.open.set(null);
      this.queue.reload();
    } catch (e) {
      const p = apiProblem(e);
      this.stale.set(p.status === 409);
      const reasonProblem = p.details.find((d) => d.field === 'reason');
      if (reasonProblem) this.reason.setErrors({ server: reasonProblem.messages.join(' ') });
      this.error.set([p.message ?? String(p.status), ...p.details.flatMap((d) => d.messages)].join(' '));
    } finally {
      this.busy.set(false);
    }
  }

  reload() {
    this.stale.set(false);
    this.error.set(null);
    this.queue.reload();
    this.agreement.reload();
  }
}
