#!/usr/bin/env bash
# Brings translations/*.ts up to date with the texts in domain/, cli/ and desktop/ (lupdate), or, with --check,
# fails when a text is new, gone or unfinished in any language, without changing the files.
# Locations are left out so that moving code does not change the translations.
#   scripts/update-translations.sh [--check]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
languages=(nl de)

check=0
case "${1:-}" in
"") ;;
--check) check=1 ;;
*)
    echo "usage: scripts/update-translations.sh [--check]" >&2
    exit 2
    ;;
esac

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for language in "${languages[@]}"; do
    ts="$root/translations/webinargeek-connect_$language.ts"
    target=$ts
    if ((check)); then
        target="$scratch/$(basename "$ts")"
        cp "$ts" "$target"
    fi
    (cd "$root" && "$lupdate" -silent -locations none -no-obsolete -target-language "$language" \
        -extensions cpp,h,ui domain cli desktop -ts "$target")
    if ((check)); then
        if ! diff -u "$ts" "$target" >"$scratch/$language.diff"; then
            echo "translations: $language: the texts in the code differ from $(basename "$ts"):" >&2
            grep -E '^[-+] *<source>' "$scratch/$language.diff" >&2 || cat "$scratch/$language.diff" >&2
            failed=1
        fi
        unfinished=$(grep -c 'type="unfinished"' "$target" || true)
        if ((unfinished)); then
            echo "translations: $language: $unfinished unfinished:" >&2
            grep -B3 'type="unfinished"' "$target" | grep '<source>' >&2 || true
            failed=1
        fi
        total=$(grep -c '<message' "$target" || true)
        ((failed)) || echo "translations: $language: all $total texts translated and up to date"
    fi
done
if ((failed)); then
    echo "translations: run scripts/update-translations.sh, then translate what is marked unfinished (Qt Linguist)" >&2
    exit 1
fi
