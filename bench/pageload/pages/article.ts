/** What every page-load page shows: a short article, the text its LCP is about. No images, no web fonts. */
export const ARTICLE = {
  title: 'Pricing that grows with you',
  paragraphs: [
    'Start free with up to three seats and every core feature. Upgrade when your team does: seats are billed monthly and you can change plans at any time.',
    'Every plan includes single sign-on, audit logs and a 99.9% uptime commitment. Annual billing saves two months.',
    'Questions about a plan, an invoice or a migration? The chat in the corner of this page knows who you are once you are signed in.',
  ],
}
