#!/usr/bin/python3
"""Produces numpy-fixtures.json ONCE with Debian's python3-numpy (legacy np.random / RandomState).

Run: /usr/bin/python3 src/test/resources/numpy/make_fixtures.py > src/test/resources/numpy/numpy-fixtures.json
Tests read the JSON; they never call Python.
"""
import json
import numpy as np


def to_loihi(w):
    # rand_He init as the authors convert it: x1024, clip +-240, round toward zero to even
    w = w * 1024.0
    w[w < -240] = -240
    w[w > 240] = 240
    return (np.floor(np.abs(w) / 2) * 2 * np.sign(w)).astype(np.int64)


def checksums(w):
    flat = w.reshape(-1).astype(np.int64)
    idx = np.arange(flat.size, dtype=np.int64)
    return {"sum": int(flat.sum()), "sumSquares": int((flat * flat).sum()),
            "indexWeighted": int((idx * flat).sum())}


out = {"numpyVersion": np.__version__}

np.random.seed(5489)
out["uint32Seed5489"] = [int(v) for v in np.random.randint(0, 2**32, size=10, dtype=np.uint64)]

np.random.seed(43)
out["randomSampleSeed43"] = [float(v) for v in np.random.random_sample(6)]

np.random.seed(43)
out["randnSeed43"] = [float(v) for v in np.random.randn(7)]
# an odd count leaves a cached value: the next call must return it first
out["randnSeed43Next3"] = [float(v) for v in np.random.randn(3)]

np.random.seed(1)
out["randn2dSeed1"] = [float(v) for v in np.random.randn(3, 5).reshape(-1)]

np.random.seed(43)
out["permutation10Seed43"] = [int(v) for v in np.random.permutation(10)]
np.random.seed(0)
out["permutation1000Seed0"] = [int(v) for v in np.random.permutation(1000)]
np.random.seed(43)
p = np.random.permutation(60000)
out["permutation60000Seed43"] = {"first": [int(v) for v in p[:10]], "last": [int(v) for v in p[-10:]],
                                 "indexWeighted": int((np.arange(60000, dtype=np.int64) * p).sum())}

# shuffle of a 2-D array moves rows exactly as a permutation of indices
x = np.arange(24).reshape(12, 2)
np.random.seed(7)
np.random.shuffle(x)
out["shuffleRowsSeed7"] = [int(v) for v in x[:, 0] // 2]
y = np.arange(12)
np.random.seed(7)
np.random.shuffle(y)
out["shuffle1dSeed7"] = [int(v) for v in y]
# after a shuffle the stream goes on: next two 32-bit words
out["afterShuffleSeed7"] = [int(v) for v in np.random.randint(0, 2**32, size=2, dtype=np.uint64)]

# authors' init (seed(S+1); A = randn(n_in, n_hid)*sqrt(2/(n_in+n_hid)); B = randn(n_hid, n_out)*...)
np.random.seed(44)
a = np.random.randn(6, 4) * np.sqrt(2 / (6 + 4))
b = np.random.randn(4, 3) * np.sqrt(2 / (4 + 3))
out["initSmallSeed44"] = {"nIn": 6, "nHid": 4, "nOut": 3,
                          "w1": [int(v) for v in to_loihi(a).reshape(-1)],
                          "w2": [int(v) for v in to_loihi(b).reshape(-1)]}
# same, with pre-conversion values large enough to hit the +-240 clip
np.random.seed(3)
a = np.random.randn(3, 2) * np.sqrt(2 / 5) * 4
out["initClipSeed3"] = {"raw": [float(v) for v in a.reshape(-1)], "loihi": [int(v) for v in to_loihi(a).reshape(-1)]}

for name, n_in in (("initFmnist28Seed44", 784), ("initMnist20Seed44", 400)):
    np.random.seed(44)
    a = np.random.randn(n_in, 400) * np.sqrt(2 / (n_in + 400))
    b = np.random.randn(400, 10) * np.sqrt(2 / (400 + 10))
    out[name] = {"nIn": n_in, "nHid": 400, "nOut": 10, "w1": checksums(to_loihi(a)), "w2": checksums(to_loihi(b))}

print(json.dumps(out, indent=1))
