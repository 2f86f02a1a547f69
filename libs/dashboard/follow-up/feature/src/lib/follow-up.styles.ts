/** The chips and cards the follow-up screens share (one stylesheet, not three copies). */
export const FOLLOW_UP_STYLES = `
  :host {
    display: block;
    max-width: 1100px;
    margin: 0 auto;
    padding: 16px;
    box-sizing: border-box;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 4px;
  }
  .sub {
    margin: 0 0 16px;
    color: var(--mat-sys-on-surface-variant, #555);
  }
  .state {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 12px;
    font-size: 0.8rem;
    font-weight: 500;
    white-space: nowrap;
  }
  .tone-red { background: #fde2e1; color: #8c1d18; }
  .tone-amber { background: #fdecc8; color: #5c3c00; }
  .tone-green { background: #dcf3e1; color: #0f5223; }
  .tone-blue { background: #dde8fb; color: #123e7c; }
  .tone-grey { background: #ececec; color: #444; }
  /* The 5×5 bands of a risk score (the heat map's colours). */
  .b-low { background: #cfe9d5; color: #0f5223; }
  .b-medium { background: #fbe7a6; color: #5c3c00; }
  .b-high { background: #f7c08a; color: #6b2e00; }
  .b-extreme { background: #e98a84; color: #5a0d09; }
  .card {
    display: block;
    padding: 12px 16px;
    border-radius: 12px;
    background: var(--mat-sys-surface-container-low, #f6f6f6);
    color: inherit;
    text-decoration: none;
  }
  .error, .stale {
    padding: 8px 12px;
    border-radius: 8px;
  }
  .error { background: #fde2e1; color: #8c1d18; }
  .stale { background: #fdecc8; color: #5c3c00; }
  .bar {
    height: 6px;
    border-radius: 3px;
    background: #e3e3e3;
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: #2e7d32;
  }
`;
