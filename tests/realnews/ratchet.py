#!/usr/bin/env python3
"""The dev-gold ratchet: scores claimcheck on ../shared/real-news/gold with that folder's
own score.py and fails when recall or precision drop below tests/realnews/minimum.tsv.
Without ../shared (a user's clone) it prints why and exits 77, which CTest reports as a
skip. Usage: ratchet.py CLAIMCHECK SOURCE_DIR"""
import json, os, subprocess, sys, tempfile

def main():
    binary, source = sys.argv[1], sys.argv[2]
    real = os.path.normpath(os.path.join(source, '..', 'shared', 'real-news'))
    if not os.path.isfile(os.path.join(real, 'score.py')):
        print('skipped: ../shared/real-news is absent (a clone without the shared data)')
        return 77
    minimum = {}
    for line in open(os.path.join(source, 'tests', 'realnews', 'minimum.tsv'), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            key, value = line.split('\t')
            minimum[key] = float(value)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'score.json')
        subprocess.run([sys.executable, os.path.join(real, 'score.py'), binary,
                        os.path.join(real, 'gold'), '--json', out],
                       check=True, stdout=subprocess.DEVNULL)
        result = json.load(open(out, encoding='utf-8'))
    failed = False
    for key, floor in minimum.items():
        got = result[key]
        ok = got >= floor
        failed |= not ok
        print(f'{key}: {got:.4f} (minimum {floor:.4f}) {"ok" if ok else "BELOW THE MINIMUM"}')
    totals = result['totals']
    print(f"claims {totals['claims']}, matched {totals['matched']}, facts with a figure {totals['qfacts']}")
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main())
