// `node ../config/publishDry.mjs` in a package: `npm publish --dry-run` as a release would run it (the publish
// lifecycle, packing), then checks the tarball carries what every published package must: the root's LICENSE
// word for word, the README, and its built files, never its sources or tests. Exits 1 saying what is wrong.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'

const license = readFileSync(new URL('../../LICENSE', import.meta.url), 'utf8')
const { name, version, private: isPrivate } = JSON.parse(readFileSync('package.json', 'utf8'))
if (isPrivate) throw new Error(`${name} is private: it is never published, so it needs no publish dry run.`)

let output
try {
  // The warnings (not logged in, the registry's name) go to stderr, shown only when the dry run fails.
  output = await promisify(execFile)('npm', ['publish', '--dry-run', '--json'], { maxBuffer: 1 << 26 })
} catch (error) {
  console.error(`npm publish --dry-run failed for ${name}:\n${error.stderr || error.message}`)
  process.exit(1)
}
const report = JSON.parse(output.stdout)[name]
const files = report.files.map((file) => file.path)

const problems = []
if (!files.includes('LICENSE')) problems.push('no LICENSE: copy the root LICENSE into the package folder')
else if (readFileSync('LICENSE', 'utf8') != license)
  problems.push("its LICENSE differs from the root's: copy the root LICENSE again")
if (!files.includes('README.md')) problems.push('no README.md')
if (!files.some((file) => file.startsWith('dist/')))
  problems.push('no dist/: build it first (turbo runs build before lint)')
const strays = files.filter((file) => /(^|\/)(src|__tests__)\/|\.test(-d)?\.[cm]?[jt]sx?$/.test(file))
if (strays.length) problems.push(`sources or tests in the tarball (${strays.slice(0, 3).join(', ')}): narrow "files"`)

if (problems.length) {
  console.error(`${name}@${version} would publish badly:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log(
  `${name}@${version}: npm publish --dry-run ok, ${files.length} files, ${(report.size / 1000).toFixed(1)} kB packed, LICENSE and README.md included`,
)
