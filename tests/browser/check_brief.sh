#!/usr/bin/env bash
# Renders incimap's briefing in headless Chromium and checks what a reader would see: the
# page loads with no script errors and no failed loads, every image is an embedded PNG that
# decodes, the sections are there, and text from articles stays text. Screenshots are kept
# in OUT_DIR for people to look at.
#
# usage: check_brief.sh INCIMAP SOURCE_DIR OUT_DIR
# Exit 0 pass, 1 fail, 77 skipped (no Chromium and no way to install it).
set -euo pipefail

incimap=$1
source_dir=$2
out_dir=$3
fixture="$source_dir/tests/browser/run"
boundaries="$source_dir/gazetteer/ocha_admin1.geojson"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Debian's chromium is ~300 MB installed, too much for every CI image: installed on demand.
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium (Debian package) for the browser check"
        apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium >/dev/null ||
            { echo "skipped: chromium could not be installed"; exit 77; }
    else
        echo "skipped: chromium is not installed (apt-get install chromium)"; exit 77
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out_dir"
cp -r "$fixture" "$work/run"

browser() {
    # A fresh profile each time; no network services, so nothing but the page is loaded.
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --user-data-dir="$(mktemp -d -p "$work")" "$@"
}

# render NAME [brief options...]: writes OUT_DIR/NAME.html, NAME.md and NAME.png, and checks them.
render() {
    local name=$1
    shift
    "$incimap" brief "$work/run" -o "$out_dir/$name.html" --boundaries "$boundaries" "$@" \
        >"$work/$name.out" || fail "incimap brief $* exited with $?"
    [ -s "$out_dir/$name.md" ] || fail "$name.md was not written"
    browser --screenshot="$out_dir/$name.png" --window-size=1280,2400 \
        "file://$out_dir/$name.html" 2>"$work/$name.screenshot.log" ||
        fail "chromium could not take a screenshot of $name.html"
    browser --enable-logging=stderr --v=0 --virtual-time-budget=2000 --dump-dom \
        "file://$out_dir/$name.html" >"$work/$name.dom" 2>"$work/$name.console" ||
        fail "chromium could not load $name.html"
    if grep -E "Uncaught|Failed to load|net::ERR_|Not allowed to load|Refused to" \
        "$work/$name.console"; then
        fail "$name.html: errors in the browser console (above)"
    fi
    python3 "$source_dir/tests/browser/check_dom.py" "$work/$name.dom" "$out_dir/$name.png" \
        "$@" || fail "$name.html: the rendered page is not as expected"
    echo "ok: $name.html ($(wc -c <"$out_dir/$name.html") bytes) -> $out_dir/$name.png"
}

"$incimap" heatmap "$work/run" --boundaries "$boundaries" >/dev/null ||
    fail "incimap heatmap could not make the heatmap.png the briefing embeds"
render brief
render brief-homs --governorate Homs --by month
render brief-empty --period 2019-01
