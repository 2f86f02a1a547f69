import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { OrgUnitsStore } from '@provdash/dashboard/org-units/data-access';

/** The first page: every cluster and its provinces, so a visitor can find their own province. */
@Component({
  selector: 'pd-cluster-directory-page',
  imports: [NgTemplateOutlet, RouterLink, MatCardModule, MatProgressBarModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cluster-directory.page.html',
  styleUrl: './cluster-directory.page.scss',
})
export class ClusterDirectoryPage {
  protected readonly store = inject(OrgUnitsStore);
  protected readonly lang = toSignal(inject(TranslocoService).langChanges$, { initialValue: 'th' });

  protected name(unit: { nameTh: string; nameEn: string }): string {
    return this.lang() === 'en' ? unit.nameEn : unit.nameTh;
  }

  /** The other language's name, shown small beneath, so both readers recognise the place. */
  protected altName(unit: { nameTh: string; nameEn: string }): string {
    return this.lang() === 'en' ? unit.nameTh : unit.nameEn;
  }
}
