// The diagram's one stylesheet, media/diagram.css, as text for the static HTML and SVG exports.
// The webview loads the same file by URL (its CSP allows no inline styles).
import './css-source-loader';
import diagramCss from '../../media/diagram.css';

export const DIAGRAM_CSS: string = diagramCss;
