import './styles.css';
import { pageOf } from './pages';

/**
 * The entry carries no React: it sends the page's first calls and fetches the page's code and React
 * at once, so the answers are usually here before the page's first render.
 */
const page = pageOf(window.location);
page.askFirst();
const code = page.load();
void import('./pageRoot').then(({ renderPage }) => renderPage(code));
