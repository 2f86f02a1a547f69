import { Route } from '@angular/router';

/**
 * `/follow-up/…`: the governor's follow-up loop (the app route adds signedInGuard and the roles):
 * the province's directives, one directive, "issue a directive" (from a KPI, project or risk) and
 * the province's 4T risk register with its heat map, and one risk's screen (reassess, history);
 * the province's monthly meetings and one meeting.
 */
export const followUpRoutes: Route[] = [
  { path: '', loadComponent: () => import('./directives.page').then((m) => m.DirectivesPage) },
  { path: 'risks', loadComponent: () => import('./risk-register.page').then((m) => m.RiskRegisterPage) },
  { path: 'meetings', loadComponent: () => import('./meetings.page').then((m) => m.MeetingsPage) },
  {
    path: 'meetings/:meetingId',
    loadComponent: () => import('./meeting.page').then((m) => m.MeetingPage),
  },
  { path: 'risks/:riskId', loadComponent: () => import('./risk.page').then((m) => m.RiskPage) },
  { path: 'new', loadComponent: () => import('./issue-directive.page').then((m) => m.IssueDirectivePage) },
  { path: ':directiveId', loadComponent: () => import('./directive.page').then((m) => m.DirectivePage) },
];
