#!/usr/bin/env python3
"""Writes the SIP messages of SIPp scenarios as fuzz seeds, with SIPp's keywords replaced by
plausible values, so the SIP and registrar fuzzers start from what real clients send.

Usage: Fuzz/Corpus/make-sip-seeds.py SCENARIO.xml... OUTPUT_FOLDER
Seeds are named <scenario>-<n>.sip; run it again when a scenario changes.
"""
import os
import re
import sys

VALUES = {
    "remote_ip": "127.0.0.1", "remote_port": "5060", "local_ip": "127.0.0.1", "local_port": "5070",
    "transport": "UDP", "branch": "z9hG4bK-4242-1-0", "branch-2": "z9hG4bK-4242-1-2", "field0": "100",
    "field1": "secret100", "field2": "pbx.example", "pid": "4242", "call_number": "1",
    "call_id": "1-4242@127.0.0.1", "clock_tick": "1000", "date": "Fri, 27 Nov 2026 09:00:00 GMT",
    "$granted": "20",
}
LAST = {
    "Via": "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-4242-1-0;rport",
    "From": "From: <sip:100@pbx.example>;tag=4242SIPpTag001",
    "To": "To: <sip:100@pbx.example>",
    "Call-ID": "Call-ID: 1-4242@127.0.0.1",
    "CSeq": "CSeq: 1 REGISTER",
    "Contact": "Contact: <sip:100@127.0.0.1:5070;transport=UDP>",
}
AUTHORIZATION = ('Authorization: Digest username="100", realm="pbx.example", nonce="0123456789abcdef", '
                 'uri="sip:127.0.0.1:5060", response="00112233445566778899aabbccddeeff", algorithm=MD5, '
                 'qop=auth, nc=00000001, cnonce="c0ffee"')


def render(text):
    text = re.sub(r"\[authentication[^\n]*", AUTHORIZATION, text)
    text = re.sub(r"\[last_([A-Za-z-]+):\]", lambda m: LAST.get(m.group(1), m.group(1) + ": x"), text)
    text = re.sub(r"\[([$A-Za-z0-9_-]+)\]", lambda m: VALUES.get(m.group(1), m.group(1)), text)
    lines = [line.strip() for line in text.strip().splitlines()]
    if "" in lines:
        split = lines.index("")
        head, body = lines[:split], "\r\n".join(lines[split + 1:]) + "\r\n"
    else:
        head, body = lines, ""
    head = [re.sub(r"^Content-Length:.*", "Content-Length: %d" % len(body.encode()), line, flags=re.I) for line in head]
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode()


def main():
    *scenarios, output = sys.argv[1:]
    os.makedirs(output, exist_ok=True)
    for path in scenarios:
        name = os.path.splitext(os.path.basename(path))[0]
        messages = re.findall(r"<send[^>]*>\s*<!\[CDATA\[(.*?)\]\]>", open(path, encoding="latin-1").read(), re.S)
        for number, message in enumerate(messages, 1):
            with open(os.path.join(output, "%s-%d.sip" % (name, number)), "wb") as seed:
                seed.write(render(message))


main()
