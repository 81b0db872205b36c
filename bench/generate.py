#!/usr/bin/env python3
"""Deterministic generator of large Switchboard manifests for the compile benchmark.

    bench/generate.py [--out DIR] [--seed N] [--providers N ...] [--repo-providers N] [--repo-files N]

Writes, under DIR (default bench/.work/inputs):

  providers-<N>.yaml   one file with N providers, N/10 extensions, N/20 explicit outbound rules,
                       N/20 explicit inbound rules and `defaults` (for each --providers N)
  repo-<F>/            a repository of F small files (default 1,000) in nested folders, with the
                       same content as providers-<M>.yaml for M = --repo-providers (default 1,000):
                       one provider per file (a few files hold two), extensions, inbound and outbound
                       rules in small files of their own

The content is meant to check clean (0 errors, 0 warnings): names, logins, registration addresses
and trunk ranges are unique and never nest; rule prefixes are distinct, of one length, and never
start an extension number; rules route only through enabled providers that allow the direction.
The same seed always gives the same bytes. Prints one line per input with its size.
"""

import argparse
import math
import os
import random
import shutil
import sys

WORDS = [
    "acme", "northwind", "budget", "contoso", "fabrikam", "globex", "initech", "umbrella", "stark",
    "wayne", "tyrell", "cyberdyne", "hooli", "vandelay", "wonka", "soylent", "oscorp", "aperture",
    "blue", "metro", "city", "euro", "nordic", "alpine", "delta", "sigma", "prime", "swift", "clear",
]
TRANSPORTS = ["udp", "tcp", "tls"]
RING = ["together", "in_order"]


class Provider:
    __slots__ = ("index", "name", "kind", "enabled", "incoming", "outgoing", "lines_text")

    def __init__(self, index, name, kind, enabled, incoming, outgoing):
        self.index, self.name, self.kind = index, name, kind
        self.enabled, self.incoming, self.outgoing = enabled, incoming, outgoing


def slug_name(rng, index):
    """Unique lowercase slug: a word, a region and the index, e.g. `globex-eu-000123`."""
    return "%s-%s-%06d" % (rng.choice(WORDS), rng.choice(["eu", "us", "ru", "de", "uk", "asia"]), index)


def standard_registration_ip(index, rng):
    """Unique public documentation addresses: the first 254 in 203.0.113.0/24, the rest IPv6 in
    2001:db8:10::/44 (never inside a trunk range, which live in 2001:db8:8000::/33)."""
    if index < 254 and rng.random() < 0.5:
        return "203.0.113.%d" % (index + 1)
    return "2001:db8:%x:%x::10" % (0x10 + index // 65536, index % 65536)


def provider_lines(rng, p, trunk_index):
    """The YAML lines of one provider entry (a block mapping item of `providers:`)."""
    out = ["  - name: %s" % p.name]
    if rng.random() < 0.8:
        out.append("    title: %s Telecom %d" % (p.name.split("-")[0].capitalize(), p.index))
    if not p.enabled:
        out.append("    enabled: false")
    if not p.incoming or not p.outgoing:
        out.append("    calls: { incoming: %s, outgoing: %s }" % (str(p.incoming).lower(), str(p.outgoing).lower()))
    host = "%s.example" % p.name
    if p.kind == "trunk":
        out.append("    type: trunk")
        out.append("    server: trunk.%s" % host)
        if rng.random() < 0.3:
            out.append("    proxy: sbc.%s:5070" % host)
        out.append("    transport: %s" % rng.choice(TRANSPORTS))
        out.append("    lines: %d" % rng.choice([10, 20, 30, 60, 120]))
        out.append('    caller_id: "+4930%07d"' % p.index)
        # Each trunk owns a /48 of its own in 2001:db8:8000::/33; the first 32 trunks also own a
        # /28 of 198.51.100.0/24 or 192.0.2.0/24. A single address with a port inside its own /48
        # overlaps nothing of another trunk.
        allow = ["2001:db8:%x::/48" % (0x8000 + trunk_index)]
        if trunk_index < 16:
            allow.insert(0, "198.51.100.%d/28" % (16 * trunk_index))
        elif trunk_index < 32:
            allow.insert(0, "192.0.2.%d/28" % (16 * (trunk_index - 16)))
        if rng.random() < 0.3:
            allow.append('"[2001:db8:%x::1]:5060"' % (0x8000 + trunk_index))
        out.append("    trunk:")
        out.append("      allow:")
        out.extend("        - %s" % a for a in allow)
    else:
        roll = rng.random()
        if roll < 0.25:
            out.append("    servers:")
            out.append("      - sip1.%s" % host)
            out.append("      - { host: sip2.%s, port: 5080 }" % host)
        elif roll < 0.35:
            out.append('    server: "[2001:db8:%x:%x::5]:5060"' % (0x20 + p.index // 65536, p.index % 65536))
        else:
            out.append("    server: sip.%s%s" % (host, rng.choice(["", ":5060", ":5080"])))
        if rng.random() < 0.2:
            out.append("    proxy: sbc.%s:5070" % host)
        if rng.random() < 0.5:
            out.append("    transport: %s" % rng.choice(TRANSPORTS))
        out.append('    login: "7495%07d"' % p.index)
        if rng.random() < 0.9:
            out.append("    password: { env: %s_PASSWORD }" % p.name.upper().replace("-", "_"))
        else:
            out.append("    password: { file: /run/secrets/%s }" % p.name)
        roll = rng.random()
        if roll < 0.6:
            out.append("    lines: %d" % rng.choice([1, 2, 4, 8, 16]))
        elif roll < 0.7:
            out.append("    lines: unlimited")
        if rng.random() < 0.8:
            out.append('    caller_id: "+7495%07d"' % p.index)
        if rng.random() < 0.7:
            out.append("    registration_ip: %s" % standard_registration_ip(p.index, rng))
        if rng.random() < 0.3:
            out.append("    registration: { expires: %d }" % rng.choice([300, 600, 1800, 3600]))
    if rng.random() < 0.05:
        out.append("    rules: { inbound: auto, outbound: none }")
    return out


def build_model(n, seed):
    """Everything of one manifest set with n providers, as YAML fragments (lists of lines)."""
    rng = random.Random(seed * 1_000_003 + n)
    providers, provider_blocks = [], []
    trunks = 0
    for i in range(n):
        roll = rng.random()
        kind = "trunk" if roll < 0.15 else "standard"
        enabled = rng.random() >= 0.02
        incoming = rng.random() >= 0.03
        outgoing = rng.random() >= 0.03
        p = Provider(i, slug_name(rng, i), kind, enabled, incoming, outgoing)
        provider_blocks.append(provider_lines(rng, p, trunks))
        if kind == "trunk":
            trunks += 1
        providers.append(p)

    n_ext = max(2, n // 10)
    extensions = []
    for e in range(n_ext):
        number = str(1000 + e)  # 1000…: never starts with 0, so no outbound prefix captures one
        label = rng.choice(["Reception", "Sales", "Support", "Office", "Fax", "Lab", "Desk"])
        secret = ("{ env: EXT_%s_PASSWORD }" % number) if rng.random() < 0.9 else ("{ file: /run/secrets/ext-%s }" % number)
        extensions.append(['  - { number: "%s", display_name: %s %d, password: %s }' % (number, label, e, secret)])
    ext_numbers = [str(1000 + e) for e in range(n_ext)]

    usable_out = [p for p in providers if p.enabled and p.outgoing]
    usable_in = [p for p in providers if p.enabled and p.incoming]

    outbound = []
    n_out = max(1, n // 20)
    # Distinct prefixes of one length (0 + 6 digits): no rule covers another, none starts an
    # extension number (they all start with 1), strip never exceeds the prefix.
    out_prefixes = rng.sample(range(10**6), n_out)
    for r in range(n_out):
        prefix = "0%06d" % out_prefixes[r]
        lines = ["  - name: out-%06d" % r, '    starts_with: ["%s"]' % prefix]
        if rng.random() < 0.5:
            lines.append("    length: { min: %d, max: %d }" % (len(prefix) + 3, len(prefix) + 8))
        if rng.random() < 0.3:
            lines.append('    caller_id: "+4930%07d"' % r)
        lines.append("    routes:")
        for p in rng.sample(usable_out, min(len(usable_out), rng.choice([1, 1, 2, 3]))):
            if rng.random() < 0.6:
                lines.append('      - { provider: %s, strip: 1, prepend: "+49" }' % p.name)
            else:
                lines.append("      - { provider: %s }" % p.name)
        outbound.append(lines)

    inbound = []
    n_in = max(1, n // 20)
    in_providers = rng.sample(usable_in, min(len(usable_in), n_in))
    in_prefixes = rng.sample(range(10**7), n_in)
    for r in range(n_in):
        lines = ["  - name: in-%06d" % r]
        # Each rule names a provider of its own, so no earlier rule can take all its calls.
        if r < len(in_providers):
            lines.append("    provider: %s" % in_providers[r].name)
        lines.append('    starts_with: ["+4940%07d"]' % in_prefixes[r])
        if rng.random() < 0.3:
            lines.append('    caller_starts_with: ["+49%d"]' % rng.randint(30, 99))
        targets = rng.sample(ext_numbers, min(len(ext_numbers), rng.choice([1, 1, 2, 3])))
        ring = (", ring: %s" % rng.choice(RING)) if len(targets) > 1 else ""
        lines.append("    to: { extensions: [%s]%s }" % (", ".join('"%s"' % t for t in targets), ring))
        inbound.append(lines)

    defaults = ["defaults:", '  inbound_destination: { extensions: ["%s", "%s"], ring: together }' % tuple(ext_numbers[:2])]
    return provider_blocks, extensions, outbound, inbound, defaults


HEADER = "# Generated by bench/generate.py (seed %d): benchmark input, not a real configuration.\nversion: 1\n"


def section(name, items):
    if not items:
        return ""
    return name + ":\n" + "".join("\n".join(item) + "\n" for item in items)


def write_single(path, n, seed):
    providers, extensions, outbound, inbound, defaults = build_model(n, seed)
    with open(path, "w") as f:
        f.write(HEADER % seed)
        f.write("\n".join(defaults) + "\n")
        f.write(section("providers", providers))
        f.write(section("extensions", extensions))
        f.write(section("inbound", inbound))
        f.write(section("outbound", outbound))


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def spread(items, files):
    """Split items into `files` contiguous groups whose sizes differ by at most one."""
    base, extra = divmod(len(items), files)
    groups, start = [], 0
    for f in range(files):
        size = base + (1 if f < extra else 0)
        groups.append(items[start:start + size])
        start += size
    return groups


def write_repo(folder, n, files, seed):
    """The same content as providers-<n>.yaml, as `files` small files in nested folders."""
    providers, extensions, outbound, inbound, defaults = build_model(n, seed)
    ext_files = chunks(extensions, 10)
    in_files = chunks(inbound, 5)
    out_files = chunks(outbound, 5)
    provider_files = files - 1 - len(ext_files) - len(in_files) - len(out_files)
    if provider_files < 1 or provider_files > len(providers):
        sys.exit("generate.py: cannot lay %d providers out in %d files" % (n, files))
    written = 0

    def put(relative, text):
        nonlocal written
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(HEADER % seed + text)
        written += 1

    put("dialplan/defaults.yaml", "\n".join(defaults) + "\n")
    for k, group in enumerate(ext_files):
        put("dialplan/extensions/ext-%03d.yaml" % k, section("extensions", group))
    for k, group in enumerate(in_files):
        put("dialplan/inbound/in-%03d.yaml" % k, section("inbound", group))
    for k, group in enumerate(out_files):
        put("dialplan/outbound/out-%03d.yaml" % k, section("outbound", group))
    for k, group in enumerate(spread(providers, provider_files)):
        # providers/<region>/<group>/<first provider name>.yaml, 3 levels deep
        first = group[0][0].split("name: ")[1]
        put("providers/r%02d/g%03d/%s.yaml" % (k % 7, k // 50, first), section("providers", group))
    return written


def size_of(path):
    if os.path.isfile(path):
        return os.path.getsize(path), 1
    total = count = 0
    for root, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(here, ".work", "inputs"))
    parser.add_argument("--seed", type=int, default=20260127)
    parser.add_argument("--providers", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--repo-providers", type=int, default=1000)
    parser.add_argument("--repo-files", type=int, default=1000, help="0 to skip the repository")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    outputs = []
    for n in args.providers:
        path = os.path.join(args.out, "providers-%d.yaml" % n)
        write_single(path, n, args.seed)
        outputs.append(path)
    if args.repo_files:
        folder = os.path.join(args.out, "repo-%d" % args.repo_files)
        shutil.rmtree(folder, ignore_errors=True)
        write_repo(folder, args.repo_providers, args.repo_files, args.seed)
        outputs.append(folder)
    for path in outputs:
        size, count = size_of(path)
        print("%s\t%.2f MB\t%d file%s" % (path, size / 1e6, count, "" if count == 1 else "s"))


if __name__ == "__main__":
    main()
