// Rules that catch bugs, not taste: Prettier owns the layout (`prettier --check .` runs beside this).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import svelte from 'eslint-plugin-svelte'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    // What git ignores is built or generated (tools/lintIgnores.test.ts holds the two lists together).
    ignores: [
      '**/dist/',
      '**/.nuxt/',
      '**/.output/',
      '**/.svelte-kit/',
      '**/.turbo/',
      '**/.next/',
      '**/.angular/',
      '**/__pycache__/',
      'playground/authjs-sveltekit/build/',
      '**/next-env.d.ts',
      'test/e2e/artifacts/',
      // The READMEs' code blocks, written out by tools/docs to be type-checked.
      'tools/.docs/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `catch {}` says "this failure changes nothing" on purpose.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `__DEV__ && debug(…)` and `ready ? a() : b()` are statements here on purpose.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // `{}` is how Playwright's `test.extend<{}, …>` and `expectTypeOf<{}>` say "no fields".
      '@typescript-eslint/no-empty-object-type': 'off',
      // Taste, not bugs: the type checker already holds these places to account.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // An unused name is dead code or a mistake; `_name` marks one kept on purpose (a parameter's place).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // What ships to users reads one rule at a time: no function longer than a screen (issue 20).
    files: ['packages/{core,react,vue,svelte,angular,nuxt,server,token-request}/src/**/*.{ts,tsx}'],
    ignores: ['**/__tests__/**', '**/*.test.*', '**/*.test-d.*'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    // The type checker catches undefined names, with the real globals of each package.
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.tsx', 'packages/react/**/*.ts', 'playground/{react,next}/**/*.ts', 'bench/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  ...vue.configs['flat/essential'].map((config) => ({ ...config, files: ['**/*.vue'] })),
  ...svelte.configs['flat/recommended'].map((config) => ({ ...config, files: ['**/*.svelte'] })),
  {
    files: ['**/*.vue', '**/*.svelte'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: {
      // vue-tsc and svelte-check know the names in scope (Nuxt's auto-imports included); ESLint does not.
      'no-undef': 'off',
      // Playground pages are named after their route (index.vue), as Nuxt wants.
      'vue/multi-word-component-names': 'off',
    },
  },
  // Angular: once @widgent/angular lands, add angular-eslint's `tsRecommended` for packages/angular and
  // playground/angular TS files and its `templateRecommended` for their `*.html` templates here.
)
