import { vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

// Code under test imports webextension-polyfill; in Node it gets the in-memory fake instead.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
