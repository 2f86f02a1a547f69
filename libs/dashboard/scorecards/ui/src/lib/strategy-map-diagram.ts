import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { KpiStatusName, StatusSummaryDto, StrategyMapDto } from '@provdash/shared/contracts';
import { STATUS_COLOR, STATUS_SYMBOL } from './status-chip';

export interface MapNode {
  id: string;
  code: string;
  name: string;
  status: KpiStatusName;
  linkedUp: boolean;
  x: number;
  y: number;
}

export interface MapBand {
  code: string;
  name: string;
  y: number;
  height: number;
}

export interface MapArrow {
  key: string;
  path: string;
}

export interface MapLayout {
  width: number;
  height: number;
  bands: MapBand[];
  nodes: MapNode[];
  arrows: MapArrow[];
}

const NODE_W = 250;
const NODE_H = 84;
const GAP_X = 60;
const PAD = 16;
const BAND_TITLE = 48;
/** Room on the right for arrows that run between goals stacked in one column. */
const GUTTER = 70;
const ROW_GAP = 28;

/**
 * Issues as horizontal bands top to bottom, goals as boxes within their band, arrows from cause to
 * effect. `columns` goals sit side by side (1 on a phone, so the text stays readable).
 */
export function layoutStrategyMap(
  map: StrategyMapDto,
  statusOf: (goalCode: string) => KpiStatusName,
  lang: 'th' | 'en',
  columns: number,
): MapLayout {
  const name = (n: { nameTh: string; nameEn: string }) => (lang === 'en' ? n.nameEn : n.nameTh);
  const issues = [...map.issues].filter((i) => !i.retired).sort((a, b) => a.seq - b.seq);
  const widest = Math.max(1, ...issues.map((i) => i.goals.filter((g) => !g.retired).length));
  const cols = Math.max(1, Math.min(columns, widest));
  const width = PAD * 2 + cols * NODE_W + (cols - 1) * GAP_X + (cols === 1 ? GUTTER : 0);
  const bands: MapBand[] = [];
  const nodes: MapNode[] = [];
  let y = 0;
  for (const issue of issues) {
    const goals = [...issue.goals].filter((g) => !g.retired).sort((a, b) => a.seq - b.seq);
    const rows = Math.max(1, Math.ceil(goals.length / cols));
    const height = BAND_TITLE + rows * NODE_H + (rows - 1) * ROW_GAP + PAD;
    bands.push({ code: issue.code, name: name(issue), y, height });
    goals.forEach((goal, i) => {
      const inRow = Math.min(cols, goals.length - Math.floor(i / cols) * cols);
      // Centre a short last row under the ones above.
      const offset = ((cols - inRow) * (NODE_W + GAP_X)) / 2;
      nodes.push({
        id: goal.id,
        code: goal.code,
        name: name(goal),
        status: statusOf(goal.code),
        linkedUp: goal.contributesToGoalId !== null,
        x: PAD + offset + (i % cols) * (NODE_W + GAP_X),
        y: y + BAND_TITLE + Math.floor(i / cols) * (NODE_H + ROW_GAP),
      });
    });
    y += height;
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const arrows: MapArrow[] = [];
  for (const link of map.links) {
    const cause = byId.get(link.causeGoalId);
    const effect = byId.get(link.effectGoalId);
    if (cause && effect) arrows.push({ key: `${cause.id}>${effect.id}`, path: arrowPath(cause, effect) });
  }
  return { width, height: y, bands, nodes, arrows };
}

/** A gentle curve from edge to edge of the two boxes, bowed so arrows over one another stay apart. */
function arrowPath(from: MapNode, to: MapNode): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  if (from.x === to.x) {
    // Same column: loop out to the right, never through the boxes in between.
    const x = from.x + NODE_W;
    const y1 = from.y + NODE_H / 2;
    const y2 = to.y + NODE_H / 2;
    const k = Math.min(GUTTER - 6, 18 + Math.abs(y2 - y1) * 0.06);
    return `M ${r(x)} ${r(y1)} C ${r(x + k)} ${r(y1)} ${r(x + k)} ${r(y2)} ${r(x)} ${r(y2)}`;
  }
  const a = { x: from.x + NODE_W / 2, y: from.y + NODE_H / 2 };
  const b = { x: to.x + NODE_W / 2, y: to.y + NODE_H / 2 };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edge = (sign: number) => {
    const t = Math.min(dx ? NODE_W / 2 / Math.abs(dx) : Infinity, dy ? NODE_H / 2 / Math.abs(dy) : Infinity);
    return { x: (sign > 0 ? a.x : b.x) + sign * dx * t, y: (sign > 0 ? a.y : b.y) + sign * dy * t };
  };
  const start = edge(1);
  const end = edge(-1);
  const len = Math.hypot(dx, dy) || 1;
  const bow = Math.min(60, len * 0.18);
  const cx = (start.x + end.x) / 2 + (-dy / len) * bow;
  const cy = (start.y + end.y) / 2 + (dx / len) * bow;
  return `M ${r(start.x)} ${r(start.y)} Q ${r(cx)} ${r(cy)} ${r(end.x)} ${r(end.y)}`;
}

@Component({
  selector: 'pd-strategy-map-diagram',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let l = layout();
    <svg
      data-testid="strategy-map"
      [attr.viewBox]="'0 0 ' + l.width + ' ' + l.height"
      [attr.width]="l.width"
      [attr.height]="l.height"
      role="img"
      [attr.aria-label]="'scorecards.map.aria' | transloco: { goals: l.nodes.length, links: l.arrows.length }"
    >
      <defs>
        <marker
          id="pd-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#37474f" />
        </marker>
      </defs>
      @for (band of l.bands; track band.code; let odd = $odd) {
        <g data-testid="issue-band" [attr.data-code]="band.code">
          <rect
            x="0"
            [attr.y]="band.y"
            [attr.width]="l.width"
            [attr.height]="band.height"
            [attr.fill]="odd ? '#f3f5f9' : '#e8edf5'"
          />
          <foreignObject x="8" [attr.y]="band.y + 2" [attr.width]="l.width - 16" height="44">
            <div xmlns="http://www.w3.org/1999/xhtml" class="band-title">{{ band.code }} · {{ band.name }}</div>
          </foreignObject>
        </g>
      }
      @for (arrow of l.arrows; track arrow.key) {
        <path
          data-testid="goal-arrow"
          [attr.d]="arrow.path"
          fill="none"
          stroke="#37474f"
          stroke-width="2"
          marker-end="url(#pd-arrow)"
        />
      }
      @for (node of l.nodes; track node.id) {
        <g data-testid="goal-node" [attr.data-code]="node.code" [attr.data-status]="node.status">
          <title>{{ node.code }} {{ node.name }} — {{ 'scorecards.status.' + node.status | transloco }}</title>
          <rect
            [attr.x]="node.x"
            [attr.y]="node.y"
            [attr.width]="nodeW"
            [attr.height]="nodeH"
            rx="10"
            fill="#fff"
            [attr.stroke]="color[node.status]"
            stroke-width="3"
          />
          <rect
            [attr.x]="node.x"
            [attr.y]="node.y"
            width="10"
            [attr.height]="nodeH"
            rx="4"
            [attr.fill]="color[node.status]"
          />
          <foreignObject
            [attr.x]="node.x + 16"
            [attr.y]="node.y + 4"
            [attr.width]="nodeW - 22"
            [attr.height]="nodeH - 8"
          >
            <div xmlns="http://www.w3.org/1999/xhtml" class="label">
              <b>{{ node.code }}</b> {{ node.name }}
              <div class="state">{{ symbol[node.status] }} {{ 'scorecards.status.' + node.status | transloco }}</div>
            </div>
          </foreignObject>
          @if (node.linkedUp) {
            <g data-testid="cluster-link">
              <title>{{ 'scorecards.map.linkedUp' | transloco }}</title>
              <circle [attr.cx]="node.x + nodeW - 4" [attr.cy]="node.y + 4" r="12" fill="#5e35b1" />
              <text [attr.x]="node.x + nodeW - 4" [attr.y]="node.y + 9" text-anchor="middle" fill="#fff" font-size="14">
                ↑
              </text>
            </g>
          }
        </g>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    svg {
      display: block;
      max-width: 100%;
      height: auto;
      margin: 0 auto;
    }
    .band-title {
      font-size: 14px;
      line-height: 1.25;
      font-weight: 600;
      color: #263238;
      padding-top: 4px;
    }
    .label {
      font-size: 13px;
      line-height: 1.3;
      overflow: hidden;
      height: 100%;
    }
    .state {
      font-size: 12px;
      color: #455a64;
    }
  `,
})
export class StrategyMapDiagram {
  readonly map = input.required<StrategyMapDto>();
  readonly summaries = input<ReadonlyMap<string, StatusSummaryDto>>(new Map());
  readonly lang = input<'th' | 'en'>('th');
  readonly columns = input(2);

  protected readonly nodeW = NODE_W;
  protected readonly nodeH = NODE_H;
  protected readonly color = STATUS_COLOR;
  protected readonly symbol = STATUS_SYMBOL;
  protected readonly layout = computed(() =>
    layoutStrategyMap(this.map(), (code) => this.summaries().get(code)?.status ?? 'none', this.lang(), this.columns()),
  );
}
