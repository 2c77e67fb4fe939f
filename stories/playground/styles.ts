/** The host app's own styles: plain CSS on the kit's --jk-* tokens, so light and dark follow the provider. */
export const playgroundCss = `
.pg-app { box-sizing: border-box; min-block-size: 100vh; padding: 16px 20px 96px; font-family: var(--jk-font); font-size: 14px; line-height: 1.45; color: var(--jk-fg); background: var(--jk-bg); }
.pg-app *, .pg-app *::before, .pg-app *::after { box-sizing: border-box; }
.pg-app h1, .pg-app h2 { margin: 0; }
.pg-app h1 { font-size: 18px; }
.pg-app h2 { font-size: 15px; }
.pg-muted { margin: 0; color: var(--jk-muted); font-size: 13px; }
.pg-topbar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding-block-end: 12px; margin-block-end: 12px; border-block-end: 1px solid var(--jk-border); }
.pg-topbar .pg-spacer { flex: 1 1 auto; }
.pg-button { padding: 5px 12px; border: 1px solid var(--jk-border); border-radius: var(--jk-radius); background: var(--jk-bg); color: var(--jk-fg); font: inherit; cursor: pointer; }
.pg-button:focus-visible, .pg-app input[type='checkbox']:focus-visible { outline: 2px solid var(--jk-accent); outline-offset: 2px; }
.pg-location { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-block-end: 12px; font-size: 13px; color: var(--jk-muted); }
.pg-location output { color: var(--jk-fg); font-family: ui-monospace, monospace; }
.pg-layout { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 16px; align-items: start; }
@media (max-width: 760px) { .pg-layout { grid-template-columns: minmax(0, 1fr); } }
.pg-sheet, .pg-files, .pg-activity { border: 1px solid var(--jk-border); border-radius: calc(var(--jk-radius) * 2); }
.pg-sheet[data-focused] { border-color: var(--jk-accent); box-shadow: 0 0 0 1px var(--jk-accent); }
.pg-sheet-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 4px 12px; padding: 12px 16px; border-block-end: 1px solid var(--jk-border); }
.pg-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; min-block-size: 52px; padding: 8px 16px; border-block-end: 1px solid var(--jk-border); }
.pg-table-wrap { overflow-x: auto; min-block-size: 220px; }
.pg-table { inline-size: 100%; border-collapse: collapse; }
.pg-table th { padding: 8px 12px; border-block-end: 1px solid var(--jk-border); color: var(--jk-muted); font-size: 12px; font-weight: 600; text-align: start; white-space: nowrap; }
.pg-table td { padding: 8px 12px; border-block-end: 1px solid color-mix(in srgb, var(--jk-border) 55%, transparent); overflow-wrap: anywhere; }
.pg-table tr[data-selected] td { background: color-mix(in srgb, var(--jk-accent) 10%, var(--jk-bg)); }
.pg-table td[data-invalid] { color: var(--jk-danger); }
.pg-check { inline-size: 40px; }
.pg-column-head { display: inline-flex; align-items: center; gap: 4px; }
.pg-column-head [data-slot='action-bar'] { display: inline-flex; }
.pg-empty { color: var(--jk-muted); text-align: center; }
.pg-side { display: grid; gap: 16px; }
.pg-files { padding: 12px 16px; }
.pg-files ul, .pg-activity ol { margin: 8px 0 0; padding: 0; list-style: none; }
.pg-files li + li { margin-block-start: 8px; }
.pg-file { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; min-block-size: 160px; align-content: flex-start; padding: 10px 12px; border: 1px solid color-mix(in srgb, var(--jk-border) 70%, transparent); border-radius: var(--jk-radius); }
.pg-file > .pg-muted { flex-basis: 100%; }
.pg-file-name { flex: 1 1 auto; font-weight: 500; overflow-wrap: anywhere; }
.pg-activity { padding: 12px 16px; }
.pg-activity li { padding-block: 2px; font-size: 13px; }
`;
