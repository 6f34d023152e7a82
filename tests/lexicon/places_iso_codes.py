#!/usr/bin/env python3
"""Checks grammar/lexicon/ar/places.tsv against Debian's iso-codes data: every code is an
ISO 3166-2 subdivision that iso_3166-2.json lists, and no code is given twice. Skips
(exit 77) where the iso-codes package is not installed."""
import json
import os
import sys

ISO = '/usr/share/iso-codes/json/iso_3166-2.json'


def main():
    root = sys.argv[1]
    if not os.path.exists(ISO):
        print(f'skipped: {ISO} is absent (Debian package iso-codes)')
        return 77
    known = {s['code']: s['name'] for s in json.load(open(ISO, encoding='utf-8'))['3166-2']}
    path = os.path.join(root, 'grammar', 'lexicon', 'ar', 'places.tsv')
    seen, bad = set(), []
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        if line.startswith('#') or not line.strip():
            continue
        code = line.split('\t')[0]
        if code not in known:
            bad.append(f'{path}:{n}: {code} is no ISO 3166-2 code in {ISO}')
        if code in seen:
            bad.append(f'{path}:{n}: {code} is given twice')
        seen.add(code)
    for b in bad:
        print(b)
    print(f'{len(seen)} places, {len(bad)} problems')
    return 1 if bad or not seen else 0


if __name__ == '__main__':
    sys.exit(main())
