import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.vite/', 'demo-screenshot.png'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // Page and dataset text is never HTML (DESIGN.md); keep the footguns out of the code base.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Insert text as text (textContent), never as HTML.' },
        { property: 'outerHTML', message: 'Insert text as text (textContent), never as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Insert text as text, never as HTML.' },
        { property: 'innerText', message: 'innerText forces layout; use textContent.' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
