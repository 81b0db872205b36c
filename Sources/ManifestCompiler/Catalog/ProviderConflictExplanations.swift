import Diagnostics

/// `SB2070`–`SB2072`: providers that get in each other's way — trunks that accept the same
/// source addresses, standard providers that register the same account.
extension DiagnosticCatalog {
    static let providerConflictExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .identicalTrunkRanges,
            summary: """
                Two trunk providers accept calls from exactly the same source addresses (their \
                `trunk.allow` lists, or the IP addresses of their servers when there is no list). \
                Trunk calls are attributed to a provider by source address alone, so a call from those \
                addresses could not be told apart: it might take the wrong provider's inbound rule or \
                be billed to the wrong account.
                """,
            bad: """
                providers:
                  - name: carrier
                    type: trunk
                    server: sip.carrier.example
                    trunk: { allow: [198.51.100.0/28] }
                  - name: carrier-backup
                    type: trunk
                    server: sip2.carrier.example
                    trunk: { allow: [198.51.100.0/28] }
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
                    trunk: { allow: [198.51.100.0/28] }
                  - name: carrier-backup
                    type: trunk
                    server: sip2.carrier.example
                    trunk: { allow: [198.51.100.16/28] }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["if both are really one provider, make it one provider with `servers:` in failover order"]),
        DiagnosticExplanation(
            .nestedTrunkRanges, .warning,
            summary: """
                An address range of one trunk lies inside a wider range of another trunk. At runtime \
                the narrower range wins, so calls from it go to the first trunk and calls from the \
                rest of the wider range to the second; that is sometimes intended (a carrier's network \
                with a reseller inside it) but more often the wider range is too wide and accepts \
                calls the provider never sends.
                """,
            bad: """
                providers:
                  - name: carrier
                    type: trunk
                    server: sip.carrier.example
                    trunk: { allow: [198.51.100.0/24] }
                  - name: wholesale
                    type: trunk
                    server: sip.wholesale.example
                    trunk: { allow: [198.51.100.64/28] }
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
                    trunk: { allow: [198.51.100.0/26] }
                  - name: wholesale
                    type: trunk
                    server: sip.wholesale.example
                    trunk: { allow: [198.51.100.64/28] }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .duplicateRegistration,
            summary: """
                Two enabled `standard` providers register the same `login` at the same server, \
                typically a provider copied to get more lines. At the provider each registration \
                replaces the other's contact, so incoming calls reach only whichever registered last, \
                and the two line limits do not add up. Keep one provider with the combined `lines`, or \
                disable the copy.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    lines: 4
                  - name: acme-more
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    lines: 4
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
                    lines: 8
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
    ]
}
