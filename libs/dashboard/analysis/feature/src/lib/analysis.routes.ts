import { Route } from '@angular/router';
import { AnalysisDesk } from './analysis-desk';
import { CompletenessPage } from './completeness.page';
import { ExplorerPage } from './explorer.page';
import { LikelyToMissPage } from './likely-to-miss.page';
import { PillarsPage } from './pillars.page';
import { ProvinceCompletenessPage } from './province-completeness.page';
import { ProvinceQualityPage } from './province-quality.page';
import { QualityPage } from './quality.page';

/** Under `/ministry/analysis` (the app route adds `signedInGuard` and the central roles). */
export const analysisRoutes: Route[] = [
  {
    path: '',
    component: AnalysisDesk,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'completeness' },
      { path: 'completeness', component: CompletenessPage },
      { path: 'completeness/:code', component: ProvinceCompletenessPage },
      { path: 'pillars', component: PillarsPage },
      { path: 'explorer', component: ExplorerPage },
      { path: 'likely-to-miss', component: LikelyToMissPage },
      { path: 'quality', component: QualityPage },
      { path: 'quality/:code', component: ProvinceQualityPage },
    ],
  },
];
