import { widgentTokenRoute } from '@widgent/server'
import { sessionUser } from '../../session'

// Reads WIDGENT_VERIFICATION_SECRET and WIDGENT_API_URL; the product id from NEXT_PUBLIC_WIDGENT_PRODUCT_ID, as the page does.
export const GET = widgentTokenRoute({ getUser: sessionUser })
