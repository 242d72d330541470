/**
 * The issue-13 payloads: Markdown that ran JavaScript (on load or on click) or made the browser
 * fetch another site before prose was sanitized. `remote` is the "other site" (a test listener
 * or an unroutable TEST-NET address). Shared by the check test and the browser test.
 */
export interface Payload {
  name: string;
  md: string;
  /** The line inside `md` (0-based) that carries the offending token. */
  line: number;
  /** The `unsafe-markup` message `check` gives. */
  message: string;
}

export function payloads(remote = 'http://198.51.100.7'): Payload[] {
  const host = new URL(remote).host.replace(/:\d+$/, '');
  return [
    { name: 'multi-line onerror', md: '<img src=x\nonerror="alert(1)">', line: 1, message: 'the prose contains an inline event handler (onerror=)' },
    { name: 'multi-line svg onload', md: '<svg\nonload=alert(1)>', line: 0, message: 'the prose contains a raw <svg> tag' },
    { name: 'multi-line details ontoggle', md: '<details open\nontoggle=alert(1)>x</details>', line: 1, message: 'the prose contains an inline event handler (ontoggle=)' },
    { name: 'javascript: in an angle-bracket destination', md: 'See [x](<javascript:alert(1)>).', line: 0, message: 'the prose contains a javascript: link' },
    { name: 'javascript: in a reference definition', md: 'See [x][r].\n\n[r]: javascript:alert(1)', line: 2, message: 'the prose contains a javascript: link' },
    { name: 'javascript: autolink', md: 'See <javascript:alert(1)>.', line: 0, message: 'the prose contains a javascript: link' },
    { name: 'entity-encoded scheme', md: '<a href="jav&#x61;script:alert(1)">x</a>', line: 0, message: 'the prose contains a javascript: link' },
    { name: 'tab inside the scheme', md: '<a href="java&#9;script:alert(1)">x</a>', line: 0, message: 'the prose contains a javascript: link' },
    { name: 'remote <img>', md: `A picture:\n<img src="${remote}/img.png">`, line: 1, message: `the prose contains a remote image from ${host}` },
    { name: 'remote Markdown image', md: `![p](${remote}/md.png)`, line: 0, message: `the prose contains a remote image from ${host}` },
    { name: 'style with a remote url()', md: `<span style="display:block;width:9px;height:9px;background:url(${remote}/bg.png)">s</span>`, line: 0, message: 'the prose contains a style attribute' },
    { name: 'raw script', md: '<script>alert(1)</script>', line: 0, message: 'the prose contains a raw <script> tag' },
    { name: 'raw iframe', md: `<iframe src="${remote}/frame.html"></iframe>`, line: 0, message: 'the prose contains a raw <iframe> tag' },
    { name: 'data: link', md: '[x](data:text/html,<script>alert(1)</script>)', line: 0, message: 'the prose contains a data: link' },
  ];
}
