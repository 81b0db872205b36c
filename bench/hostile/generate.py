#!/usr/bin/env python3
"""Generates the hostile manifests of docs/security.md ("Hostile manifests") for bench/hostile/run.

    bench/hostile/generate.py [--out DIR]

Writes, under DIR (default bench/.work/hostile), one input per case; each is a file or a folder
that `switchboard check` and `compile` are run on:

  size-providers-50mb.yaml   ~50 MB of valid providers (bench/generate.py's content, 165,000 providers)
  size-comment-50mb.yaml     a small valid manifest followed by ~50 MB of comment lines
  size-scalar-50mb.yaml      a provider whose `title` is one 50 MB scalar
  size-over-limit.yaml       one byte more than the 64 MiB a manifest file may have (sparse)
  deep-flow-seq.yaml         10,000 nested flow sequences `[[[…]]]`
  deep-flow-map.yaml         10,000 nested flow mappings `{a: {a: …}}`
  deep-block-seq.yaml        10,000 nested block sequences (`- - - … x`)
  deep-block-map.yaml        10,000 nested block mappings (`a:` one space deeper on each line)
  scalar-1mb-name.yaml       a provider name of 1 MB
  scalar-1mb-title.yaml      a provider title of 1 MB
  scalar-1mb-login.yaml      a provider login of 1 MB
  scalar-1mb-key.yaml        an unknown (explicit, `? key`) key of 1 MB
  scalar-1mb-comment.yaml    a 1 MB comment on the line of an error (the snippet must be cut)
  aliases-billion-laughs.yaml   the "billion laughs" alias bomb
  files-100000/              100,000 small files in 100 folders, one extension each
  files-over-limit/          100,001 empty `.yaml` files (one more than the file limit)
  symlink-loop/              a folder with a link to itself
  symlink-parent/            a folder whose subfolder links to the folder's parent

The same run always gives the same bytes. Prints one line per input.
"""

import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
MB = 1_000_000
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_FILES = 100_000
DEPTH = 10_000
SMALL = """providers:
  - name: acme
    server: sip.acme.example
    login: "74951234567"
    password: { env: ACME_PASSWORD }
defaults:
  inbound_destination: { extensions: ["100"] }
extensions:
  - { number: "100", password: { env: EXT_100_PASSWORD } }
"""


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def provider_with(field, value):
    fields = {"name": "acme", "server": "sip.acme.example", "login": '"74951234567"'}
    fields[field] = value
    lines = ["providers:", "  - name: %s" % fields.pop("name")]
    lines += ["    %s: %s" % (k, v) for k, v in fields.items()]
    lines += ["    password: { env: ACME_PASSWORD }"]
    return "\n".join(lines) + "\n" + SMALL[SMALL.index("defaults:"):]


def deep_block(kind):
    """Block sequences nest on one line (`- - - x`); block mappings need a line each, indented one
    space deeper than the last (about 50 MB at 10,000 levels)."""
    if kind == "seq":
        return "- " * DEPTH + "x\n"
    return "".join(" " * level + "a:\n" for level in range(DEPTH)) + " " * DEPTH + "x\n"


def generate(out):
    made = []

    def file(name, text):
        write(os.path.join(out, name), text)
        made.append(name)

    # 1. Size.
    providers = os.path.join(out, "providers")
    subprocess.run([sys.executable, os.path.join(BENCH, "generate.py"), "--out", providers,
                    "--providers", "165000", "--repo-files", "0"], check=True, stdout=subprocess.DEVNULL)
    os.replace(os.path.join(providers, "providers-165000.yaml"), os.path.join(out, "size-providers-50mb.yaml"))
    shutil.rmtree(providers)
    made.append("size-providers-50mb.yaml")
    comment_line = "# " + "x" * 97 + "\n"
    file("size-comment-50mb.yaml", SMALL + comment_line * (50 * MB // len(comment_line)))
    file("size-scalar-50mb.yaml", provider_with("title", "t" * (50 * MB)))
    with open(os.path.join(out, "size-over-limit.yaml"), "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    made.append("size-over-limit.yaml")

    # 2. Nesting.
    file("deep-flow-seq.yaml", "[" * DEPTH + "]" * DEPTH + "\n")
    file("deep-flow-map.yaml", "{a: " * DEPTH + "x" + "}" * DEPTH + "\n")
    file("deep-block-seq.yaml", deep_block("seq"))
    file("deep-block-map.yaml", deep_block("map"))

    # 3. Long scalars.
    file("scalar-1mb-name.yaml", provider_with("name", "a" * MB))
    file("scalar-1mb-title.yaml", provider_with("title", "T" * MB))
    file("scalar-1mb-login.yaml", provider_with("login", "1" * MB))
    # libyaml refuses plain keys over 1024 characters, so the long key is an explicit one (`?`).
    with_key = provider_with("title", "x")
    file("scalar-1mb-key.yaml", with_key.replace("    title: x\n", "    ? %s\n    : x\n" % ("k" * MB)))
    file("scalar-1mb-comment.yaml", provider_with("lines", "four  # " + "c" * MB))

    # 4. File counts and aliases.
    file("aliases-billion-laughs.yaml", "".join(
        "l%d: &l%d [%s]\n" % (n, n, ", ".join(["lol"] * 10 if n == 0 else ["*l%d" % (n - 1)] * 10))
        for n in range(10)))
    many = os.path.join(out, "files-100000")
    os.makedirs(many)
    for index in range(MAX_FILES):
        folder = os.path.join(many, "f%03d" % (index // 1000))
        if index % 1000 == 0:
            os.makedirs(folder)
        write(os.path.join(folder, "e%06d.yaml" % index),
              'extensions:\n  - { number: "%d", password: { env: EXT_PASSWORD } }\n' % (1_000_000 + index))
    made.append("files-100000/")
    over = os.path.join(out, "files-over-limit")
    os.makedirs(over)
    for index in range(MAX_FILES + 1):
        open(os.path.join(over, "e%06d.yaml" % index), "w").close()
    made.append("files-over-limit/")

    # 5. Symbolic links.
    loop = os.path.join(out, "symlink-loop")
    os.makedirs(loop)
    write(os.path.join(loop, "a.yaml"), SMALL)
    os.symlink(".", os.path.join(loop, "self"))
    made.append("symlink-loop/")
    parent = os.path.join(out, "symlink-parent", "inner")
    os.makedirs(parent)
    write(os.path.join(parent, "a.yaml"), SMALL)
    os.symlink("..", os.path.join(parent, "up"))
    made.append("symlink-parent/")
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(BENCH, ".work", "hostile"))
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    for name in generate(args.out):
        path = os.path.join(args.out, name)
        size = os.path.getsize(path) if os.path.isfile(path) else 0
        print("%-32s %12d bytes" % (name, size))


if __name__ == "__main__":
    main()
