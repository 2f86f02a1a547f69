import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** What both imports read: an .xlsx workbook or a CSV file (the server decides by the bytes). */
export const SPREADSHEET_ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The file picker of the spreadsheet imports: a button opening the browser's picker (the native
 * input stays hidden but reachable for tests and assistive tools) and the chosen file's name.
 * Labels come translated from the screen; `testId` names the input and `testId-name` the name
 * (the GFMIS page keeps its own `file-input`/`file-name`).
 */
@Component({
  selector: 'pd-spreadsheet-file-picker',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <input
      #picker
      class="visually-hidden"
      type="file"
      [id]="inputId()"
      [accept]="accept"
      [attr.data-testid]="testId()"
      (change)="choose($event)"
    />
    <button mat-stroked-button type="button" (click)="picker.click()">{{ chooseLabel() }}</button>
    <span class="file-name" [attr.data-testid]="nameTestId()" aria-live="polite">{{
      file()?.name ?? noFileLabel()
    }}</span>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .file-name {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class SpreadsheetFilePicker {
  readonly inputId = input.required<string>();
  readonly testId = input.required<string>();
  readonly nameTestId = input.required<string>();
  readonly chooseLabel = input.required<string>();
  readonly noFileLabel = input.required<string>();
  /** The chosen file; null until one is picked. */
  readonly file = model<File | null>(null);

  protected readonly accept = SPREADSHEET_ACCEPT;

  protected choose(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }
}
