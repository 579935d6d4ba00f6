// SvelteKit's `$app/*` modules, as a SvelteKit project's generated types declare them.
/// <reference types="@sveltejs/kit" />
