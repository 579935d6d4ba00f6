// The token route: one line of @widgent/nuxt (auto-imported). Its product, secret and API URL come from runtime config.
export default defineWidgentTokenHandler({ getUser: sessionUser })
