// `@/auth` in a Next.js app with Auth.js (not installed here): its `auth()`, as Auth.js types it.
export declare function auth(): Promise<{ user?: { id?: string; name?: string | null } } | null>
