import { mount } from 'svelte'
import Article from './Article.svelte'
import KitPage from './KitPage.svelte'
import Launcher from './Launcher.svelte'
import { pageConfig, widgentOptions } from './pageConfig'

const target = document.getElementById('root')!
if (__KIT__)
  mount(KitPage, {
    target,
    props: { options: widgentOptions, user: pageConfig.user, Launcher: __FACADE__ ? Launcher : null },
  })
else mount(Article, { target })
