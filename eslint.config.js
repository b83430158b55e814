// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const upwardFromCore = ['**/electron/**', '**/cli/**', '**/bridge/**', '**/src-renderer/**'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'release/', '.test-results/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // VS Code-style layering: core and the contract are plain code that any transport can host.
    files: ['src-main/core/**/*.ts', 'src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core never imports electron: it must run anywhere.' },
          ],
          patterns: [
            { group: upwardFromCore, message: 'core may not import the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the contract is shared with the renderer.' }],
          patterns: [
            {
              group: ['node:*', '**/core/**', ...upwardFromCore],
              message: 'the contract must stay importable from the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'the renderer reaches core only through the contract.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'the renderer runs in a browser sandbox.' },
            {
              group: [
                '**/src-main/core/**',
                '**/src-main/cli/**',
                '**/src-main/bridge/**',
                '**/src-main/electron/**',
              ],
              message: 'import only src-main/contract.',
            },
          ],
        },
      ],
    },
  },
);
