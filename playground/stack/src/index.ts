export { startPlayground, APPS } from './startPlayground'
export type { AppName, Playground, PlaygroundOptions } from './startPlayground'
