import { describe, expect, it } from 'vitest'
import { readmeFigures } from './readmeFigures'
import { markedFigures, readResults, updateReadmes, withFigures } from './updateReadmes'

describe("the READMEs' figures", () => {
  it('are those of bench/results (npm run figures puts them in)', () => {
    for (const { figure, current, wanted } of updateReadmes()) {
      expect(current, `${figure} is not what bench/results says: run npm run figures`).toBe(wanted)
    }
  })

  it('are each shown somewhere', () => {
    expect([...markedFigures()].sort()).toEqual(Object.keys(readmeFigures(readResults())).sort())
  })

  it('are put in as tables on lines of their own, or inline in a sentence', () => {
    const figures = { table: '| a |\n|---|\n| 1 |', bytes: '448 B' }
    const text =
      'About <!-- figures:bytes -->430 B<!-- /figures:bytes --> on top.\n<!-- figures:table -->\n| old |\n<!-- /figures:table -->\n'
    expect(withFigures(text, figures)).toBe(
      'About <!-- figures:bytes -->448 B<!-- /figures:bytes --> on top.\n<!-- figures:table -->\n| a |\n|---|\n| 1 |\n<!-- /figures:table -->\n',
    )
    expect(() => withFigures('<!-- figures:nothing -->1<!-- /figures:nothing -->', figures)).toThrow(
      'no figure is named "nothing"',
    )
    expect(() => withFigures('<!-- figures:bytes -->1', figures)).toThrow('without its <!-- /figures:NAME -->')
  })
})
