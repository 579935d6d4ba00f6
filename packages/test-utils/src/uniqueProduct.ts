let products = 0

/** A product id no other test used: the core keeps one client per product for the page's lifetime. */
export const uniqueProduct = (): string => `product-${++products}`
