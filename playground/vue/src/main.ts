import { createApp } from 'vue'
import { WidgentPlugin } from '@widgent/vue'
import { widgentOptions } from '@widgent/playground-shared'
import '@widgent/playground-shared/style.css'
import App from './App.vue'

createApp(App).use(WidgentPlugin, widgentOptions()).mount('#app')
