// @ts-check
/*
 * `npm run lint` runs this, then Prettier's check, then knip. typescript-eslint's strict rules
 * with type information (about a minute on a 2-core machine); the JavaScript files are checked
 * without types. Every rule turned off or down says why, on its line.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'tests/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  {
    rules: {
      // Finding control characters in user text is what the schema and the terminal output do.
      'no-control-regex': 'off',
      // Emoji, font coverage and spoof checks list joiners and modifiers one by one, on purpose.
      'no-misleading-character-class': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.check.json', './src/serve/browser/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // noUncheckedIndexedAccess is on: `xs[i]!` after a bounds check is the honest spelling.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers read fine in messages and markup; objects, undefined and null still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => stop()` as a callback, `return end(...)` in a function typed void: both say "do this and stop".
      // Spreading a string splits it into code points, which is what font coverage, length limits
      // and hyphenation measure; the rule still guards spreads of promises, functions and maps.
      '@typescript-eslint/no-misused-spread': ['error', { allow: ['string'] }],
      // A leading underscore, or a rest sibling, marks a value left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.strict],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // A function longer than a screen does more than one thing (blank lines and comments not counted).
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Expected messages align columns with two spaces; the regex reads like the message.
      'no-regex-spaces': 'off',
      // Tests read what the CLI printed or wrote with JSON.parse and then state its shape with
      // expect(): a type for every parse would restate the assertion, and a wrong guess at the
      // shape fails the test anyway. The source keeps these rules.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
