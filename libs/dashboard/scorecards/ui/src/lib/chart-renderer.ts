import { afterEveryRender, inject, RendererFactory2 } from '@angular/core';

/**
 * For an ngx-charts chart in a lazy route: the animation renderer comes with the route, but
 * ApplicationRef tells only the root renderer factory that a render ended, so this one's engine
 * never flushes, and what ngx-charts removes (bars of a province no longer shown, axis ticks of the
 * other language) would stay queued on screen next to what replaced it. Flushing it after each
 * render lets them go. Call from the chart component's constructor.
 */
export function flushChartRemovals(): void {
  const renderers = inject(RendererFactory2);
  afterEveryRender(() => {
    renderers.begin?.();
    renderers.end?.();
  });
}

/** A line chart's own legend below it (each line's name beside a sample of the line, solid or dashed). */
export const LINE_LEGEND_STYLES = `
  :host {
    display: block;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    font-size: 0.85rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
`;
