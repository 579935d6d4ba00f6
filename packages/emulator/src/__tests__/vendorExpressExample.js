// The vendor page's Step 1 "Node.js / Express" example as printed, wrapped in a function so a test can mount it.
// The one change: the URL, https://api.widgent.app -> the emulator under test.
export function addVendorTokenRoute(app, requireAuth, emulatorUrl) {
  // GET /api/widgent-token
  app.get('/api/widgent-token', requireAuth, async (req, res) => {
    const response = await fetch(`${emulatorUrl}/v1/auth/user-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        productId: process.env.WIDGENT_PRODUCT_ID,
        verificationSecret: process.env.WIDGENT_VERIFICATION_SECRET,
        userId: req.user.id,
        name: req.user.name,
        metadata: { plan: req.user.plan },
      }),
    })
    if (!response.ok) return res.status(500).json({ error: 'Token generation failed' })
    const { token } = await response.json()
    res.json({ token })
  })
}
