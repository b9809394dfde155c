import './style.css';
import { createRoot } from 'react-dom/client';
import { PanelApp } from './PanelApp';

/**
 * The panel, as an extension page shown in a frame on the portal page (entrypoints/content adds it).
 * Its document is in the extension's origin: the portal's scripts cannot read it, press it, or hear
 * what is typed in it, and its work runs off the portal's main thread.
 */
createRoot(document.getElementById('root')!).render(<PanelApp />);
