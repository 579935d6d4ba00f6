import { defineComponent, h, type PropType } from 'vue'
import { createLauncher, LAUNCHER_ICONS, type LauncherOptions } from '@widgent/core/launcher'
import { useWidgent } from './useWidgent'

/**
 * A real `<button>` where the widget's launcher will be, until the widget is ready: intent (pointer over, focus)
 * loads the widget, a click opens it. The default slot is a custom look; a chat icon otherwise.
 * Use it with `load: 'interaction'` in the plugin's options.
 */
// Pure: an app that never renders the facade drops it (a top-level call is kept otherwise).
export const WidgentLauncher = /*#__PURE__*/ defineComponent({
  name: 'WidgentLauncher',
  props: {
    command: { type: String as PropType<string | null>, default: undefined },
    label: String,
    loadingLabel: String,
    failedLabel: String,
    side: String as PropType<LauncherOptions['side']>,
    offset: Number,
    size: Number,
    color: String,
  },
  setup(props, { slots }) {
    const { client, state } = useWidgent()
    return () => {
      const launcher = createLauncher(client, props)
      const view = launcher.view(state.value)
      return (
        view &&
        h(
          'button',
          {
            type: 'button',
            style: launcher.style,
            'aria-label': launcher.label(view),
            title: launcher.label(view),
            'aria-busy': view == 'loading',
            onPointerenter: launcher.intent,
            onFocus: launcher.intent,
            onClick: launcher.activate,
          },
          slots.default?.() ??
            h(
              'svg',
              { viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true' },
              h('path', { fill: 'currentColor', d: LAUNCHER_ICONS[view] }),
            ),
        )
      )
    }
  },
})
