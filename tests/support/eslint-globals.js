// Globals for the plain JavaScript files (fixture pages run in a browser, scripts in Node).
const names = [
  'window', 'document', 'console', 'process', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval',
  'clearInterval', 'performance', 'Buffer', 'location', 'history', 'requestAnimationFrame', 'navigator',
  'HTMLElement', 'Element', 'Node', 'Event', 'CustomEvent', 'MutationObserver', 'PerformanceObserver',
  'structuredClone', 'TextEncoder', 'TextDecoder', 'queueMicrotask', 'globalThis', 'chrome', 'Blob', 'File',
];
export default Object.fromEntries(names.map((name) => [name, 'readonly']));
