// Addresses of the extension's own pages, for links between them.
import browser from 'webextension-polyfill';

export const explainerPageUrl = (): string => browser.runtime.getURL('src/explainer/index.html');
