import Diagnostics

/// `SB2030`–`SB2033`: what a `standard` and a `trunk` provider need, and what they never use.
extension DiagnosticCatalog {
    static let providerTypeExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .missingCredentials,
            summary: """
                A `standard` provider (the default type) without `login` or `password`. The PBX \
                registers at a standard provider with digest authentication, and without credentials \
                the provider answers every registration with `401` or `403`: no incoming calls, and \
                outgoing calls rejected. If the provider recognises you by your IP address instead, \
                it is a trunk: write `type: trunk`.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
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
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .trunkWithoutAllowList,
            summary: """
                A `trunk` provider with no `trunk.allow` list and no server or proxy written as an IP \
                address to derive one from. A trunk does not register: calls from it are accepted by \
                their packet source address, so the PBX must know the provider's signalling addresses. \
                A host name cannot stand in for them, because whoever controls its DNS could then place \
                calls through the trunk. Ask the provider for its addresses and list them.
                """,
            bad: """
                providers:
                  - name: carrier
                    type: trunk
                    server: sip.carrier.example
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
            notes: ["a trunk whose `server` is an IP address needs no `allow` list: that address is used"]),
        DiagnosticExplanation(
            .unusedCredentials, .warning,
            summary: """
                A `trunk` provider has a `login` or a `password`, which a trunk never uses: it does \
                not register, and the provider recognises you by your IP address. Usually either the \
                type is wrong (the provider expects a registration: write `type: standard`) or the \
                credentials are left over and only leak a secret into the repository.
                """,
            bad: """
                providers:
                  - name: carrier
                    type: trunk
                    server: 198.51.100.10
                    login: "74951234567"
                    password: { env: CARRIER_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: carrier
                    type: trunk
                    server: 198.51.100.10
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .unusedTrunkSettings, .warning,
            summary: """
                A `standard` provider has a `trunk.allow` list, which only trunks use: a standard \
                provider's calls arrive over the registration, whatever their source address. Either \
                the provider is really a trunk (write `type: trunk`, and drop `login` and `password`) \
                or the list is left over and misleads whoever reads the file about who may call in.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    trunk:
                      allow: [198.51.100.0/28]
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
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
    ]
}
