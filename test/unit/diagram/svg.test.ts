import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml } from '../../../src/diagram/html';
import { layoutDiagram } from '../../../src/diagram/layout';
import { escapeAttribute, escapeText, renderSvg } from '../../../src/diagram/svg';
import { inVpc, lambda, routeTable, snapshotOf, subnet, tinySnapshot, vpc } from './builders';

const XSS = '<img src=x onerror=alert(1)>';
const QUOTES = `"'><script>alert(2)</script>`;
const CDATA_END = 'a]]>b';

async function hostileDiagram() {
  const snapshot = snapshotOf({
    vpcs: [vpc('vpc-1', { name: XSS })],
    subnets: [subnet('subnet-a', 'vpc-1', '10.0.1.0/24', { name: QUOTES })],
    routeTables: [routeTable('rtb-main', 'vpc-1', [])],
    lambdaFunctions: [lambda('fn', { name: `${CDATA_END}\u0001&amp;`, vpcConfig: inVpc(['subnet-a']) })],
  });
  return layoutDiagram(snapshot, [
    { code: 'lambda-vpc-no-internet', severity: 'error', message: `${XSS} ${QUOTES}`, resource: { kind: 'function', id: 'fn' } },
  ]);
}

/** Every tag in the markup is one the drawing makes: no element smuggled in through a name. */
function tagsIn(markup: string): Set<string> {
  return new Set([...markup.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1] ?? ''));
}

describe('svg escaping', () => {
  it('escapes text and attribute values', () => {
    assert.equal(escapeText(XSS), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(escapeText(CDATA_END), 'a]]&gt;b');
    assert.equal(escapeText('&amp;'), '&amp;amp;');
    assert.equal(escapeAttribute(QUOTES), '&quot;&#39;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    assert.equal(escapeText('a\u0000b\uD800'), 'a\uFFFDb\uFFFD', 'characters XML forbids are replaced, not passed through');
  });

  it('keeps hostile names as text in the standalone SVG', async () => {
    const svg = renderSvg(await hostileDiagram());
    assert.deepEqual(tagsIn(svg), new Set(['svg', 'style', 'title', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'circle']));
    assert.ok(!svg.includes('<img') && !svg.includes('<script'));
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name is still shown, as text');
    assert.ok(!svg.includes(']]>'), 'no CDATA terminator survives');
    assert.ok(!svg.includes('\u0001'));
    // Inside attributes neither quote kind may appear raw: every attribute value is one "…" run.
    for (const [, value] of svg.matchAll(/\s[\w:-]+="([^"]*)"/g)) assert.ok(!value?.includes("'") && !value?.includes('<'), value);
    assert.match(svg, /aria-label="[^"]*&quot;&#39;&gt;&lt;script&gt;/);
  });

  it('writes a standalone SVG with its own stylesheet', async () => {
    const svg = renderSvg(await layoutDiagram(tinySnapshot(), []));
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<style>[^<]*--snm-fg:/);
    assert.match(svg, /data-node-id="orders@subnet-a"/);
  });
});

describe('renderHtml', () => {
  it('is a self-contained page with no script, a CSP, and escaped names', async () => {
    const html = renderHtml(await hostileDiagram());
    assert.ok(!html.includes('<img') && !html.includes('<script'));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(html, /<style>\n[^]*--vscode-editor-background[^]*<\/style>/);
    assert.match(html, /prefers-color-scheme: dark/);
    assert.match(html, /<li class="status-error"><strong>Error<\/strong> <code>lambda-vpc-no-internet<\/code> &lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /class="snm-legend"/);
  });

  it('lists the full findings with their template location when given', async () => {
    const diagram = await layoutDiagram(tinySnapshot(), []);
    const html = renderHtml(diagram, [
      {
        code: 'lambda-vpc-no-internet',
        severity: 'error',
        message: 'no way out',
        resource: { kind: 'function', logicalId: 'Orders' },
        file: 'template.yaml',
        range: { start: { line: 11, character: 4 }, end: { line: 11, character: 13 } },
      },
    ]);
    assert.match(html, /Findings \(1\)[^]*no way out <code>template.yaml:12<\/code>/);
  });
});
