import Diagnostics

/// `SB2020`–`SB2024`: server and proxy addresses, the registration IP, trunk source ranges.
extension DiagnosticCatalog {
    static let addressExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .invalidHost,
            summary: """
                A server or proxy host that is neither a valid host name (RFC 1123: letters, digits \
                and `-`, no `_`, no trailing dot) nor a valid IP address. IPv4 addresses are read \
                strictly, four decimal octets without leading zeros, because `010.20.30.40` means \
                10.20.30.40 to some software and 8.20.30.40 to other software, which would send the \
                registration and every call to a different machine.
                """,
            bad: """
                providers:
                  - name: acme
                    server: 198.051.100.10
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: acme
                    server: 198.51.100.10
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["IPv6 zone indexes (`fe80::1%eth0`) are refused too: they mean nothing off the local machine"]),
        DiagnosticExplanation(
            .invalidAddressSyntax,
            summary: """
                A server or proxy that is not `host[:port]`, most often a SIP URI pasted from the \
                provider's instructions: a `sip:` scheme, a user part (`74951234567@`), parameters \
                (`;transport=tcp`), white space. The PBX needs the address alone; the user name goes \
                in `login` and the transport in `transport`. The help line gives the corrected value, \
                and the notes say what to remove.
                """,
            bad: """
                providers:
                  - name: acme
                    server: "sip:74951234567@sip.acme.example;transport=tcp"
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    transport: tcp
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .invalidIPAddress,
            summary: """
                `registration_ip` is not an IPv4 or IPv6 address, or is one no provider can send to \
                (`0.0.0.0`, `::`, a multicast address). It is the external address of your router or \
                SBC that the PBX announces to the provider, and the provider sends incoming calls \
                there, so it must be a literal address: a host name is never resolved at this point.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    registration_ip: sbc.office.example
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    registration_ip: 203.0.113.10
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .nonPublicRegistrationIP, .warning,
            summary: """
                `registration_ip` is a private (RFC 1918), loopback, link-local or carrier-grade NAT \
                address. The provider sends incoming calls to the address announced here, and from the \
                internet a private address leads nowhere: registration succeeds but every incoming \
                call fails or has no audio. It is a warning, not an error, because a provider inside \
                the same private network is possible.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    registration_ip: 192.168.1.10
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    registration_ip: 203.0.113.10
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["if the provider reaches the PBX directly, without NAT, remove `registration_ip` instead"]),
        DiagnosticExplanation(
            .invalidAddressRange,
            summary: """
                An entry of `trunk.allow` that is not an IP address or CIDR network (optionally with a \
                port), or one that is too wide or ambiguous: bits set beyond the prefix \
                (`198.51.100.7/28`), `/0`, a host name. A trunk accepts calls by their source address \
                alone, without a password, so this list decides who may place calls at your expense: a \
                host name would hand that decision to whoever controls its DNS, and `/0` to the whole \
                internet.
                """,
            bad: """
                providers:
                  - name: carrier
                    type: trunk
                    server: sip.carrier.example
                    trunk:
                      allow: [198.51.100.7/28]
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: carrier
                    type: trunk
                    server: sip.carrier.example
                    trunk:
                      allow: [198.51.100.0/28]
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["write the address alone (`198.51.100.7`) to allow one host rather than its network"]),
    ]
}
