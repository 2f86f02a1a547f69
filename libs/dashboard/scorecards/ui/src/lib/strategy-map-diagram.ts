import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  input,
  output,
  resource,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiStatusName, StatusSummaryDto, StrategyMapDto } from '@provdash/shared/contracts';
import { STATUS_COLOR, STATUS_SYMBOL } from './status-chip';
import {
  edgePath,
  layoutMapGraph,
  MapGraph,
  MapGraphNode,
  MapNodeKind,
  openingPoint,
  PositionedMap,
  PositionedNode,
  strategyMapGraph,
} from './strategy-map-layout';

const FILL: Record<MapNodeKind, string> = {
  issue: '#e3eaf4',
  goal: '#ffffff',
  kpi: '#ffffff',
  strategy: '#f4f1f8',
  project: '#f7f9fa',
};
const ZOOMS = [0.35, 0.5, 0.65, 0.8, 1, 1.25, 1.5];

/** Which boxes open something by default: a KPI, and a project that serves a KPI. */
export function opensByDefault(n: MapGraphNode): boolean {
  return n.kind === 'kpi' || (n.kind === 'project' && (n.kpiIds?.length ?? 0) > 0);
}

/**
 * The strategy map drawn from its layout: issues → goals (lit by their rolled-up status) → KPIs (lit
 * by theirs) and strategies → the year's projects, with the cause → effect arrows between goals.
 * Positions come from `layoutMapGraph` (ELK); this component only draws, pans and zooms, and says
 * which box was chosen (`nodeOpen`), so a plan builder can reuse it with its own reaction.
 */
@Component({
  selector: 'pd-strategy-map-diagram',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (layout.value(); as l) {
      <div class="tools" role="toolbar" [attr.aria-label]="'scorecards.map.zoom' | transloco">
        <button
          type="button"
          data-testid="zoom-out"
          (click)="step(-1)"
          [attr.aria-label]="'scorecards.map.zoomOut' | transloco"
        >
          −
        </button>
        <button
          type="button"
          data-testid="zoom-in"
          (click)="step(1)"
          [attr.aria-label]="'scorecards.map.zoomIn' | transloco"
        >
          +
        </button>
        <button type="button" data-testid="zoom-fit" (click)="zoomChoice.set('fit')" [class.on]="zoom() === 'fit'">
          {{ 'scorecards.map.fit' | transloco }}
        </button>
        @if (!editable()) {
          <span class="hint">{{ 'scorecards.map.hint' | transloco }}</span>
        }
      </div>
      <div #frame class="frame" data-testid="map-frame" [class.fit]="zoom() === 'fit'">
        <svg
          #svg
          data-testid="strategy-map"
          [attr.viewBox]="'0 0 ' + l.width + ' ' + l.height"
          [attr.width]="zoom() === 'fit' ? null : l.width * $any(zoom())"
          [attr.height]="zoom() === 'fit' ? null : l.height * $any(zoom())"
          [style.max-width.px]="zoom() === 'fit' ? l.width : null"
          role="group"
          [attr.aria-label]="'scorecards.map.aria' | transloco: { goals: goalCount(), links: causeCount() }"
        >
          <defs>
            <marker id="pd-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="4" markerHeight="4" orient="auto">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#263238" />
            </marker>
            <marker id="pd-chain" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#90a4ae" />
            </marker>
          </defs>
          @for (e of l.edges; track e.id) {
            @if (e.kind === 'chain') {
              <path
                data-testid="map-edge"
                [attr.d]="path(e.points)"
                [attr.data-points]="pointsAttr(e.points)"
                fill="none"
                stroke="#90a4ae"
                stroke-width="1.25"
                marker-end="url(#pd-chain)"
              />
            }
          }
          @for (e of l.edges; track e.id) {
            @if (e.kind === 'cause') {
              <path
                data-testid="goal-arrow"
                [attr.d]="path(e.points)"
                [attr.data-points]="pointsAttr(e.points)"
                [attr.data-cause]="e.source"
                [attr.data-effect]="e.target"
                fill="none"
                [attr.stroke]="editable() && selectedLink() === e.id ? '#1565c0' : '#263238'"
                [attr.stroke-width]="editable() && selectedLink() === e.id ? 4 : 2.25"
                marker-end="url(#pd-arrow)"
              />
              @if (editable()) {
                <!-- Edit mode: a wide, invisible line to hit with a finger, and a stop for the keyboard. -->
                <path
                  class="arrow-hit"
                  data-testid="goal-arrow-hit"
                  [attr.data-cause]="e.source"
                  [attr.data-effect]="e.target"
                  [attr.d]="path(e.points)"
                  fill="none"
                  stroke="transparent"
                  stroke-width="16"
                  role="button"
                  tabindex="0"
                  [attr.aria-label]="arrowLabel(e.source, e.target)"
                  (click)="linkPick.emit({ causeGoalId: e.source, effectGoalId: e.target })"
                  (keydown.enter)="linkPick.emit({ causeGoalId: e.source, effectGoalId: e.target })"
                />
              }
            }
          }
          @for (p of l.nodes; track p.id) {
            @let n = show(p);
            @let link = opens()(n);
            <g
              [attr.data-testid]="n.kind === 'issue' ? 'issue-band' : n.kind + '-node'"
              [attr.data-code]="n.code"
              [attr.data-status]="n.kind === 'goal' || n.kind === 'kpi' ? n.status : null"
              [class.link]="link"
              [class.picked]="editable() && selectedGoalId() === n.id"
              [attr.role]="link ? 'link' : null"
              [attr.tabindex]="link ? 0 : null"
              (click)="link && nodeOpen.emit(n)"
              (keydown.enter)="link && nodeOpen.emit(n)"
            >
              <!-- An SVG <title> is raw text to Angular's parser: no @if inside, only interpolation. -->
              <title>
                {{ 'scorecards.map.kind.' + n.kind | transloco }} {{ n.code }} {{ n.name
                }}{{ n.kind === 'goal' || n.kind === 'kpi' ? ' — ' + ('scorecards.status.' + n.status | transloco) : '' }}
              </title>
              <rect
                class="box"
                [attr.x]="p.x"
                [attr.y]="p.y"
                [attr.width]="p.width"
                [attr.height]="p.height"
                [attr.rx]="n.kind === 'project' ? 4 : 8"
                [attr.fill]="fill[n.kind]"
                [attr.stroke]="lit(n) ? color[n.status] : '#90a4ae'"
                [attr.stroke-width]="lit(n) ? 2.5 : 1.25"
              />
              @if (lit(n)) {
                <rect
                  [attr.x]="p.x"
                  [attr.y]="p.y"
                  width="8"
                  [attr.height]="p.height"
                  rx="3"
                  [attr.fill]="color[n.status]"
                />
              }
              <foreignObject
                [attr.x]="p.x + 12"
                [attr.y]="p.y + 3"
                [attr.width]="p.width - (n.linkedUp ? 40 : 18)"
                [attr.height]="p.height - 6"
              >
                <div xmlns="http://www.w3.org/1999/xhtml" class="label" [class]="'k-' + n.kind">
                  <div class="name">
                    <b>{{ n.code }}</b> {{ n.name }}
                  </div>
                  @if (lit(n)) {
                    <div class="state">{{ symbol[n.status] }} {{ 'scorecards.status.' + n.status | transloco }}</div>
                  } @else if (n.kind === 'project' && n.projectStatus) {
                    <div class="state">{{ 'overview.projects.status.' + n.projectStatus | transloco }}</div>
                  }
                </div>
              </foreignObject>
              @if (n.linkedUp) {
                <g data-testid="cluster-link">
                  <title>{{ 'scorecards.map.linkedUp' | transloco }}</title>
                  <circle [attr.cx]="p.x + p.width - 12" [attr.cy]="p.y + 12" r="9" fill="#5e35b1" />
                  <text
                    [attr.x]="p.x + p.width - 12"
                    [attr.y]="p.y + 16.5"
                    text-anchor="middle"
                    fill="#fff"
                    font-size="12"
                  >
                    ↑
                  </text>
                </g>
              }
            </g>
          }
        </svg>
      </div>
    } @else if (layout.error()) {
      <p class="error" role="alert">{{ 'common.loadError' | transloco }}</p>
    } @else {
      <div class="placeholder" aria-busy="true">{{ 'common.loading' | transloco }}</div>
    }
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin: 4px 0 6px;
    }
    .tools button {
      min-width: 40px;
      height: 36px;
      border: 1px solid #90a4ae;
      border-radius: 6px;
      background: #fff;
      font: inherit;
      cursor: pointer;
    }
    .tools button.on {
      background: #e3eaf4;
    }
    .hint {
      font-size: 12px;
      color: #546e7a;
    }
    .frame {
      overflow: auto;
      max-height: 78vh;
      border: 1px solid #cfd8dc;
      border-radius: 8px;
      background: #fafbfc;
      -webkit-overflow-scrolling: touch;
    }
    .frame.fit svg {
      width: 100%;
      height: auto;
    }
    svg {
      display: block;
    }
    .link {
      cursor: pointer;
    }
    .link:hover .box,
    .link:focus-visible .box {
      stroke: #1565c0;
      stroke-width: 3;
    }
    .link:focus {
      outline: none;
    }
    .picked .box {
      stroke: #1565c0;
      stroke-width: 4;
      stroke-dasharray: 6 3;
    }
    .arrow-hit {
      cursor: pointer;
      pointer-events: stroke;
    }
    .arrow-hit:hover,
    .arrow-hit:focus-visible {
      stroke: rgba(21, 101, 192, 0.25);
      outline: none;
    }
    .label {
      height: 100%;
      overflow: hidden;
      display: flex;
      flex-direction: column;
      justify-content: center;
      font-size: 12.5px;
      line-height: 1.3;
      color: #263238;
    }
    .name {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      overflow: hidden;
    }
    .k-kpi .name,
    .k-goal .name {
      -webkit-line-clamp: 2;
    }
    .k-issue {
      font-weight: 600;
    }
    .state {
      font-size: 11.5px;
      color: #455a64;
    }
    .placeholder {
      min-height: 200px;
      color: #546e7a;
    }
    .error {
      color: var(--mat-sys-error, #b00020);
    }
  `,
})
export class StrategyMapDiagram {
  readonly map = input.required<StrategyMapDto>();
  /** Goal code → its KPIs' lights rolled up. */
  readonly summaries = input<ReadonlyMap<string, StatusSummaryDto>>(new Map());
  /** KPI id → its light. */
  readonly kpiStatuses = input<ReadonlyMap<string, KpiStatusName>>(new Map());
  /** The fiscal year whose projects are drawn; all years when null. */
  readonly fiscalYear = input<number | null>(null);
  readonly lang = input<'th' | 'en'>('th');
  /** Phone: narrower boxes, drawn at full size and panned. */
  readonly narrow = input(false);
  /** Which boxes are links (focusable, emit `nodeOpen`). */
  readonly opens = input<(n: MapGraphNode) => boolean>(opensByDefault);
  readonly nodeOpen = output<MapGraphNode>();
  /**
   * Edit mode (the plan builder's map editor): the cause → effect arrows become buttons that emit
   * `linkPick`; the goal chosen as a cause (`selectedGoalId`) and the chosen arrow (`selectedLink`,
   * `<cause id>~<effect id>`) are drawn highlighted. Which boxes react is still `opens`/`nodeOpen`.
   */
  readonly editable = input(false);
  readonly selectedGoalId = input<string | null>(null);
  readonly selectedLink = input<string | null>(null);
  readonly linkPick = output<{ causeGoalId: string; effectGoalId: string }>();

  protected readonly color = STATUS_COLOR;
  protected readonly symbol = STATUS_SYMBOL;
  protected readonly fill = FILL;
  protected readonly zoomChoice = signal<number | 'fit' | null>(null);
  /**
   * A zoom factor, or `fit`: the whole drawing in the frame's width. Until the reader chooses, a
   * phone starts at full size (panned with a finger) and a wide screen sees the whole map.
   */
  protected readonly zoom = computed(() => this.zoomChoice() ?? (this.narrow() ? 1 : 'fit'));
  private readonly svg = viewChild<ElementRef<SVGSVGElement>>('svg');
  private readonly frame = viewChild<ElementRef<HTMLElement>>('frame');
  /** The layout the frame was last opened on: a new drawing opens again, a zoom keeps the reader's place. */
  private openedOn: PositionedMap | undefined;

  protected readonly graph = computed<MapGraph>(() =>
    strategyMapGraph(this.map(), {
      lang: this.lang(),
      fiscalYear: this.fiscalYear(),
      goalStatus: (code) => this.summaries().get(code)?.status ?? 'none',
      kpiStatus: (id) => this.kpiStatuses().get(id) ?? 'none',
    }),
  );
  /** Only the shape decides the layout: lights and language change the drawing, not the positions. */
  private readonly shape = computed(() => ({ graph: this.graph(), narrow: this.narrow() }), {
    equal: (a, b) =>
      a.narrow === b.narrow &&
      a.graph.nodes.map((n) => n.id).join() === b.graph.nodes.map((n) => n.id).join() &&
      a.graph.edges.map((e) => e.id).join() === b.graph.edges.map((e) => e.id).join(),
  });
  protected readonly layout = resource({
    params: () => this.shape(),
    loader: ({ params }) => layoutMapGraph(params.graph, { narrow: params.narrow }),
  });
  private readonly byId = computed(() => new Map(this.graph().nodes.map((n) => [n.id, n])));
  protected readonly goalCount = computed(() => this.graph().nodes.filter((n) => n.kind === 'goal').length);
  protected readonly causeCount = computed(() => this.graph().edges.filter((e) => e.kind === 'cause').length);

  constructor() {
    // A phone draws the map at full size in a small frame that starts at the drawing's top-left,
    // which ELK may have left empty: open it on the first issue and its goals instead.
    afterRenderEffect({
      write: () => {
        const l = this.layout.value();
        const frame = this.frame()?.nativeElement;
        const svg = this.svg()?.nativeElement;
        if (!l || !frame || !svg || l === this.openedOn) return;
        this.openedOn = l;
        // Fitted to the width, the whole chain is in sight from the top: nothing to find.
        if (untracked(this.zoom) === 'fit') return;
        const scale = svg.getBoundingClientRect().width / (l.width || 1);
        const at = openingPoint(l);
        frame.scrollLeft = Math.max(0, (at.x - 8) * scale);
        frame.scrollTop = Math.max(0, (at.y - 8) * scale);
      },
    });
  }

  /** The node's current text and light (the layout may be one step behind them). */
  protected show(p: PositionedNode): MapGraphNode {
    return this.byId().get(p.id) ?? p;
  }

  protected lit(n: MapGraphNode): boolean {
    return n.kind === 'goal' || n.kind === 'kpi';
  }

  protected path = edgePath;

  /** "G1.1 → G2.1": an arrow as the keyboard and a screen reader meet it. */
  protected arrowLabel(cause: string, effect: string): string {
    const code = (id: string) => this.byId().get(id)?.code ?? '';
    return `${code(cause)} → ${code(effect)}`;
  }

  protected pointsAttr(points: { x: number; y: number }[]): string {
    return points.map((p) => `${p.x},${p.y}`).join(' ');
  }

  protected step(dir: 1 | -1): void {
    const l = this.layout.value();
    const current = this.zoom();
    const shown =
      current === 'fit' ? (this.svg()?.nativeElement.getBoundingClientRect().width ?? 0) / (l?.width || 1) : current;
    const next = dir > 0 ? ZOOMS.find((z) => z > shown + 0.01) : [...ZOOMS].reverse().find((z) => z < shown - 0.01);
    this.zoomChoice.set(next ?? (dir > 0 ? ZOOMS[ZOOMS.length - 1] : ZOOMS[0]));
  }
}
