export { installFakeWidget } from './installFakeWidget'
export type { FakeWidget, FakeWidgetOptions, WidgetCommand } from './installFakeWidget'
