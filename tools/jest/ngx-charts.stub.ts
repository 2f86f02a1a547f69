import { Component, input, NgModule, output } from '@angular/core';

/* ngx-charts pulls in d3's ES modules, which Jest does not load: specs get empty charts instead. */

// eslint-disable-next-line @angular-eslint/component-selector -- stands in for the library's own element
@Component({ selector: 'ngx-charts-line-chart', template: '' })
class LineChartStub {
  readonly view = input<unknown>();
  readonly results = input<unknown>();
  readonly scheme = input<unknown>();
  readonly animations = input<unknown>();
  readonly tooltipDisabled = input<unknown>();
  readonly autoScale = input<unknown>();
  readonly xAxis = input<unknown>();
  readonly yAxis = input<unknown>();
  readonly legend = input<unknown>();
  readonly legendPosition = input<unknown>();
  readonly legendTitle = input<unknown>();
  readonly yAxisTickFormatting = input<unknown>();
  readonly yAxisTicks = input<unknown>();
  readonly yScaleMax = input<unknown>();
  readonly customColors = input<unknown>();
  readonly xAxisTicks = input<unknown>();
  readonly xAxisTickFormatting = input<unknown>();
  readonly rangeFillOpacity = input<unknown>();
}

// eslint-disable-next-line @angular-eslint/component-selector -- stands in for the library's own element
@Component({ selector: 'ngx-charts-bar-horizontal', template: '' })
class BarHorizontalStub {
  readonly view = input<unknown>();
  readonly results = input<unknown>();
  readonly customColors = input<unknown>();
  readonly animations = input<unknown>();
  readonly xAxis = input<unknown>();
  readonly yAxis = input<unknown>();
  readonly xAxisTickFormatting = input<unknown>();
  readonly xScaleMin = input<unknown>();
  readonly xScaleMax = input<unknown>();
  readonly referenceLines = input<unknown>();
  readonly showRefLines = input<unknown>();
  readonly showRefLabels = input<unknown>();
  readonly barPadding = input<unknown>();
  // eslint-disable-next-line @angular-eslint/no-output-native -- the library's own output is named so
  readonly select = output<{ name: string }>();
}

@NgModule({ imports: [LineChartStub], exports: [LineChartStub] })
export class LineChartModule {}

@NgModule({ imports: [BarHorizontalStub], exports: [BarHorizontalStub] })
export class BarChartModule {}

export const LegendPosition = { Below: 'below', Right: 'right' };
