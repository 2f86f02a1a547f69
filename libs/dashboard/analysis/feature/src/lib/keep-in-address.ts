import { effect, inject } from '@angular/core';
import { Router } from '@angular/router';

/**
 * Keeps a screen's choices (year, month, kind…) in the address, so a link or a reload shows the
 * same view. Called from a component's constructor. Not on arrival: the address already says (or
 * defaults to) what is shown, and a navigation of the screen's own on arrival could cancel the link
 * the reader clicks next (a desk tab on a slow phone).
 */
export function keepInAddress(queryParams: () => Record<string, string | number | null>): void {
  const router = inject(Router);
  let arrived = false;
  effect(() => {
    const params = queryParams();
    if (!arrived) {
      arrived = true;
      return;
    }
    void router.navigate([], { queryParams: params, replaceUrl: true, queryParamsHandling: 'merge' });
  });
}
