import { formatDateLabel } from '@provdash/shared/domain';

/** A calendar day as the reader reads it: B.E. in Thai ("31 ธ.ค. 2569"), Gregorian in English. */
export function dayLabel(iso: string | null | undefined, lang: string): string {
  return iso ? formatDateLabel(iso.slice(0, 10), lang === 'en' ? 'en' : 'th') : '';
}

/** An instant's day and time in Bangkok, for progress posts. */
export function instantLabel(iso: string, lang: string): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'th-TH', {
    timeZone: 'Asia/Bangkok',
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${dayLabel(day, lang)} ${time}`;
}
