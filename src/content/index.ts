import browser from 'webextension-polyfill';
import { sendRequest } from '../messages';

async function announce(): Promise<void> {
  const { tabId } = await sendRequest(browser.runtime, { type: 'page/hello' });
  if (__FOOTNOTE_TEST_HOOKS__) {
    document.documentElement.dataset.footnoteTest = JSON.stringify({ tabId });
  }
}

void announce();
