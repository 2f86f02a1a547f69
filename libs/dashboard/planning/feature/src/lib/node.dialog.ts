import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, TranslocoPipe } from '@jsverse/transloco';
import type { GoalDto, MapNodeDto } from '@provdash/shared/contracts';
import { errorOf, showProblem } from './form-errors';
import type { NodeBody, NodeKind, PlanBuilderStore } from './plan-builder.store';

export interface NodeDialogData {
  store: PlanBuilderStore;
  kind: NodeKind;
  /** Where a new node goes (plan id for an issue, issue id for a goal, goal id for a strategy). */
  parentId: string;
  /** Absent: add; present: edit. */
  node?: MapNodeDto | GoalDto;
  /** The code offered for a new node (the next free one under its parent). */
  suggestedCode: string;
  /** The cluster plan's goals a province goal may contribute to. */
  clusterGoals: GoalDto[];
  lang: 'th' | 'en';
}

export type NodeDialogResult = 'saved' | 'reload';

/** The six pillars of the 20-year national strategy (ยุทธศาสตร์ชาติ). */
export const NATIONAL_PILLARS = [1, 2, 3, 4, 5, 6] as const;

/** Add or edit a strategic issue, a goal (with its upward links) or a strategy. */
@Component({
  selector: 'pd-node-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'planBuilder'">
      <h2 mat-dialog-title>{{ t((data.node ? 'edit.' : 'add.') + data.kind) }}</h2>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-dialog-content>
          <mat-form-field class="code">
            <mat-label>{{ t('node.code') }}</mat-label>
            <input matInput formControlName="code" maxlength="16" data-testid="node-code" />
            <mat-hint>{{ t('node.codeHint') }}</mat-hint>
            @let e0 = errorOf(form.controls.code);
            <mat-error>{{ e0?.key ? (e0!.key! | transloco) : e0?.text }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ t('node.nameTh') }}</mat-label>
            <textarea
              matInput
              formControlName="nameTh"
              rows="2"
              maxlength="500"
              data-testid="node-name-th"
              cdkFocusInitial
            ></textarea>
            @let e1 = errorOf(form.controls.nameTh);
            <mat-error>{{ e1?.key ? (e1!.key! | transloco) : e1?.text }}</mat-error>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ t('node.nameEn') }}</mat-label>
            <textarea matInput formControlName="nameEn" rows="2" maxlength="500" data-testid="node-name-en"></textarea>
            @let e2 = errorOf(form.controls.nameEn);
            <mat-error>{{ e2?.key ? (e2!.key! | transloco) : e2?.text }}</mat-error>
          </mat-form-field>
          @if (data.kind === 'goal') {
            <mat-form-field class="wide">
              <mat-label>{{ t('node.pillar') }}</mat-label>
              <mat-select formControlName="nationalPillar" data-testid="node-pillar">
                <mat-option [value]="null">{{ t('node.none') }}</mat-option>
                @for (p of pillars; track p) {
                  <mat-option [value]="p">{{ p }}. {{ t('pillars.' + p) }}</mat-option>
                }
              </mat-select>
              @let e3 = errorOf(form.controls.nationalPillar);
              <mat-error>{{ e3?.key ? (e3!.key! | transloco) : e3?.text }}</mat-error>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ t('node.clusterGoal') }}</mat-label>
              <mat-select formControlName="contributesToGoalId" data-testid="node-cluster-goal">
                <mat-option [value]="null">{{ t('node.none') }}</mat-option>
                @for (g of data.clusterGoals; track g.id) {
                  <mat-option [value]="g.id">{{ g.code }} {{ data.lang === 'en' ? g.nameEn : g.nameTh }}</mat-option>
                }
              </mat-select>
              @if (!data.clusterGoals.length) {
                <mat-hint>{{ t('node.noClusterPlan') }}</mat-hint>
              }
              @let e4 = errorOf(form.controls.contributesToGoalId);
              <mat-error>{{ e4?.key ? (e4!.key! | transloco) : e4?.text }}</mat-error>
            </mat-form-field>
          }
          @if (conflict()) {
            <p class="error" role="alert" data-testid="conflict">
              {{ t('conflict') }}
              <button mat-stroked-button type="button" data-testid="conflict-reload" (click)="ref.close('reload')">
                {{ t('reload') }}
              </button>
            </p>
          } @else if (formError() !== null) {
            <p class="error" role="alert" data-testid="form-error">{{ formError() || t('errors.failed') }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="node-save">{{ t('save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .code {
      width: 12em;
      max-width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class NodeDialog {
  protected readonly data = inject<NodeDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<NodeDialog, NodeDialogResult>>(MatDialogRef);
  protected readonly errorOf = errorOf;
  protected readonly pillars = NATIONAL_PILLARS;
  protected readonly busy = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  private readonly n = this.data.node;
  private readonly goal = this.n && 'nationalPillar' in this.n ? (this.n as GoalDto) : undefined;

  protected readonly form = new FormGroup({
    // The code names the node in exports and comparisons; it is set once, when the node is added.
    code: new FormControl(
      { value: this.n?.code ?? this.data.suggestedCode, disabled: this.n !== undefined },
      { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[A-Za-z0-9.\-_]{1,16}$/)] },
    ),
    nameTh: new FormControl(this.n?.nameTh ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
    nameEn: new FormControl(this.n?.nameEn ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
    nationalPillar: new FormControl<number | null>(this.goal?.nationalPillar ?? null),
    contributesToGoalId: new FormControl<string | null>(this.goal?.contributesToGoalId ?? null),
  });

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.formError.set(null);
    this.conflict.set(false);
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const body: NodeBody = { nameTh: v.nameTh.trim(), nameEn: v.nameEn.trim() };
    if (this.data.kind === 'goal') {
      body.nationalPillar = v.nationalPillar;
      body.contributesToGoalId = v.contributesToGoalId;
    }
    this.busy.set(true);
    const { store, kind } = this.data;
    const r = this.n
      ? await store.updateNode(kind, this.n.id, this.n.version, body)
      : await store.addNode(kind, this.data.parentId, {
          ...body,
          code: v.code.trim(),
          // A new goal has no upward link to clear: leave out what is empty.
          ...(kind === 'goal' && { nationalPillar: v.nationalPillar ?? undefined }),
          ...(kind === 'goal' && { contributesToGoalId: v.contributesToGoalId ?? undefined }),
        });
    this.busy.set(false);
    if (r.ok) return this.ref.close('saved');
    const left = showProblem(this.form, r.problem);
    this.conflict.set(left.conflict);
    if (!left.conflict) this.formError.set(left.message);
  }
}

/** A small yes/no question (remove an arrow, publish the plan). */
@Component({
  selector: 'pd-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>{{ data.text }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ data.no }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="confirm-yes" cdkFocusInitial>
        {{ data.yes }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<{ title: string; text: string; yes: string; no: string }>(MAT_DIALOG_DATA);
}
