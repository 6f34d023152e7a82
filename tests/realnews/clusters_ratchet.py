#!/usr/bin/env python3
"""The dev-clusters ratchet: scores claimcheck's cross-document verdicts on
../shared/real-news/clusters with that folder's own score_clusters.py and fails when the
share of judged pairs right drops below, or the count of false findings rises above,
tests/realnews/clusters.tsv. Without ../shared (a user's clone) it prints why and exits
77, which CTest reports as a skip. Usage: clusters_ratchet.py CLAIMCHECK SOURCE_DIR"""
import json, os, subprocess, sys, tempfile

def main():
    binary, source = sys.argv[1], sys.argv[2]
    real = os.path.normpath(os.path.join(source, '..', 'shared', 'real-news'))
    if not os.path.isfile(os.path.join(real, 'score_clusters.py')):
        print('skipped: ../shared/real-news is absent (a clone without the shared data)')
        return 77
    limits = {}
    for line in open(os.path.join(source, 'tests', 'realnews', 'clusters.tsv'), encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            key, kind, value = line.rstrip('\n').split('\t')
            limits[key] = (kind, float(value))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'clusters.json')
        subprocess.run([sys.executable, os.path.join(real, 'score_clusters.py'), binary,
                        os.path.join(real, 'clusters'), '--json', out],
                       check=True, stdout=subprocess.DEVNULL)
        results = json.load(open(out, encoding='utf-8'))
    pairs = [p for r in results for p in r['pairs']]
    got = {
        'pairs_right': sum(p['ok'] for p in pairs) / len(pairs),
        'false_contradicts': sum(r['false_contradicts'][0] for r in results),
        'false_corroborates': sum(r['false_corroborates'][0] for r in results),
    }
    failed = False
    for key, (kind, limit) in limits.items():
        value = got[key]
        ok = value >= limit if kind == 'min' else value <= limit
        failed |= not ok
        print(f'{key}: {value:.4f} ({kind} {limit:.4f}) {"ok" if ok else "OUT OF BOUNDS"}')
    print(f'{len(pairs)} judged pairs in {len(results)} clusters')
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main())
