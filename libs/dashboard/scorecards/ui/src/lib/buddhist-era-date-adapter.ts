import { Injectable, Provider } from '@angular/core';
import {
  DateAdapter,
  MAT_DATE_FORMATS,
  MAT_DATE_LOCALE,
  MatDateFormats,
  NativeDateAdapter,
} from '@angular/material/core';

/** The datepicker's locale for the reader's language: Thai shows the Buddhist Era, English A.D. */
export function datepickerLocale(lang: string | null | undefined): string {
  return lang === 'en' ? 'en-GB' : 'th-TH';
}

const isThai = (locale: string) => locale.startsWith('th');

/**
 * Dates as the app writes them (DESIGN §2 "show B.E. in Thai"): in Thai the year is the Buddhist
 * Era's (2569 for 2026) in the field, the calendar header and the year list, and a typed B.E. year
 * is read back as one; in English the Gregorian year. The field shows the app's day format
 * ("30 มิ.ย. 2569", "30 Jun 2026") and takes it back, or a day as d/m/yyyy or yyyy-mm-dd.
 */
@Injectable()
export class BuddhistEraDateAdapter extends NativeDateAdapter {
  override getYearName(date: Date): string {
    const year = this.getYear(date);
    return String(isThai(this.locale) ? year + 543 : year);
  }

  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    const text = value.trim();
    if (!text) return null;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (iso) return this.day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const parts = /^(\d{1,2})\s*[/.\-\s]\s*([^\s/.\-\d]+\.?[^\s/\-\d]*|\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(text);
    if (!parts) return this.invalid();
    const month = /^\d+$/.test(parts[2]) ? Number(parts[2]) : this.monthOf(parts[2]);
    let year = Number(parts[3]);
    // A year past 2400 is a B.E. year, whatever the language (a Thai reader may type one in English).
    if (year > 2400) year -= 543;
    return month ? this.day(year, month, Number(parts[1])) : this.invalid();
  }

  /** A month by its name in either language, short or long ("มิ.ย.", "มิถุนายน", "Jun", "June"). */
  private monthOf(name: string): number | null {
    const wanted = name.replace(/\.$/, '').toLowerCase();
    for (const locale of [this.locale, 'th-TH', 'en-GB']) {
      for (const style of ['short', 'long'] as const) {
        const fmt = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'utc' });
        for (let m = 0; m < 12; m++) {
          const label = fmt
            .format(new Date(Date.UTC(2017, m, 1)))
            .replace(/\.$/, '')
            .toLowerCase();
          if (label === wanted) return m + 1;
        }
      }
    }
    return null;
  }

  private day(year: number, month: number, date: number): Date | null {
    if (month < 1 || month > 12 || date < 1) return this.invalid();
    const d = new Date(year, month - 1, date);
    return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === date ? d : this.invalid();
  }
}

/** The field shows the day as every screen writes it: "30 มิ.ย. 2569" / "30 Jun 2026". */
export const BUDDHIST_ERA_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { year: 'numeric', month: 'short', day: 'numeric' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** For a component with a datepicker: the B.E. adapter and formats, starting in Thai. */
export function provideBuddhistEraDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'th-TH' },
    { provide: DateAdapter, useClass: BuddhistEraDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: BUDDHIST_ERA_DATE_FORMATS },
  ];
}

/** A picked day as `YYYY-MM-DD` (the adapter's dates are local midnight). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM-DD` as the adapter's local-midnight date; null when it is not a day. */
export function dayDate(iso: string | null | undefined): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}
