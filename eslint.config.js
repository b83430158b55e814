// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The import rules of docs/architecture.md ("What may import what"). They are plain
// `no-restricted-imports` patterns on the import string: relative imports climb with `../`, so
// each regex below anchors on `(../)+` followed by the folder it keeps out. ESLint applies one
// `no-restricted-imports` setting per file (the last matching block wins), so every file set
// below gets one complete list. test/static/import-rules.test.ts breaks each rule on purpose.

/**
 * Core's stages in flow order. A stage may import its own modules and the stages before it,
 * never one after it; core's root (`engine.ts`, the composition root, and `index.ts`, the
 * public entry) may import every stage, and no stage imports the root.
 */
const CORE_STAGES = [
  'logging',
  'store',
  'api',
  'documents',
  'account',
  'folders',
  'intake',
  'split',
  'queue',
  'follow-up',
  'events',
  'handlers',
  'control',
];

/** `electron` itself, its subpaths (`electron/main`) and the packages built on it. */
const electronPackages = {
  regex: '^(@electron/|electron($|[-/]))',
  message: 'core and the contract never import Electron or its packages: they must run anywhere.',
};

/** A relative import into one of `folders`, seen from anywhere below src-main or the root. */
const into = (/** @type {string[]} */ folders) => `^(\\.\\./)+(src-main/)?(${folders.join('|')})/`;

const coreIntoShells = {
  regex: `${into(['cli', 'bridge', 'electron'])}|^(\\.\\./)+src-renderer/`,
  message: 'core may not import the transports, the shells or the renderer above it.',
};

const stageBlocks = CORE_STAGES.map((stage, index) => ({
  files: [`src-main/core/${stage}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          electronPackages,
          coreIntoShells,
          ...(index < CORE_STAGES.length - 1
            ? [
                {
                  regex: `^(\\.\\./)+(core/)?(${CORE_STAGES.slice(index + 1).join('|')})/`,
                  message: `core stage order: ${stage} may import only ${CORE_STAGES.slice(0, index + 1).join(', ')}.`,
                },
              ]
            : []),
          {
            regex: '^(\\.\\./)+(core/)?(engine|index|command-line)\\.ts$',
            message: 'core stage order: a stage never imports the composition root or the entry.',
          },
        ],
      },
    ],
  },
}));

/** Shells and scripts see core only through its public entry (and the contract). */
const coreInternals = {
  regex: '^(\\.\\./)+(src-main/)?core/(?!(index|command-line)\\.ts$)',
  message:
    'shells import core only through src-main/core/index.ts or its light entry core/command-line.ts (and src-main/contract/).',
};

const transportBlock = (
  /** @type {string} */ transport,
  /** @type {string[]} */ others,
  /** @type {boolean} */ runsInElectron,
) => ({
  files: [`src-main/${transport}/**/*.{ts,cts}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          coreInternals,
          {
            regex: into(others),
            message: `one transport never imports another: ${transport} may not import ${others.join(' or ')}.`,
          },
          ...(runsInElectron
            ? []
            : [
                {
                  regex: electronPackages.regex,
                  message: `${transport} runs in plain Node: only src-main/electron imports Electron.`,
                },
              ]),
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      '.test-results/',
      'bench/results/',
      // Broken on purpose: test/static/import-rules.test.ts lints them as if they lived in src-main.
      'test/static/import-rule-fixtures/',
    ],
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
  ...stageBlocks,
  {
    files: ['src-main/core/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronPackages, coreIntoShells] }],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronPackages,
            {
              regex: `^node:|${into(['core', 'cli', 'bridge', 'electron'])}|^(\\.\\./)+src-renderer/`,
              message: 'the contract must stay importable from the renderer: zod only.',
            },
          ],
        },
      ],
    },
  },
  // The CLI hosts the loopback bridge for `clearfacts-uploader ui`: a shell hosting a transport,
  // so cli → bridge is allowed. Nothing else crosses between transports.
  transportBlock('cli', ['electron'], false),
  transportBlock('bridge', ['cli', 'electron'], false),
  transportBlock('electron', ['bridge', 'cli'], true),
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreInternals] }] },
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
