import Diagnostics

/// `SB2060`–`SB2069`, `SB2073`: inbound and outbound rules against the providers and extensions
/// they name, against each other, and the generated default rules.
extension DiagnosticCatalog {
    static let ruleExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .unknownProvider,
            summary: """
                A rule names a provider that no manifest file defines, usually a typo or a provider \
                that was renamed or removed. An outbound route through it could never be taken, and an \
                inbound rule for it would never match, so calls would silently go another way. The \
                message suggests the closest name, or lists the providers there are.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [acmee]
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
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [acme]
                """),
        DiagnosticExplanation(
            .unknownExtension,
            summary: """
                A destination (an inbound rule's `to`, or `defaults.inbound_destination`) names an \
                extension number that no extension has. Calls sent there would ring no phone: callers \
                hear ringing or a busy tone while nobody can answer. The message suggests the closest \
                existing number.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["101"] }
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
            .routeThroughDisabledProvider, .warning,
            summary: """
                An outbound rule routes through a provider that is disabled (`enabled: false`). The \
                route is skipped while the provider is off, so the rule's calls go through its other \
                routes or fall through to later rules: fine during planned maintenance, a surprise \
                otherwise. When no route of the rule is left, it is the error `SB2065`.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: backup
                    enabled: false
                    server: sip.backup.example
                    login: "2125550100"
                    password: { env: BACKUP_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [backup, acme]
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: backup
                    enabled: false
                    server: sip.backup.example
                    login: "2125550100"
                    password: { env: BACKUP_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [acme]
                """,
            notes: ["if the provider should carry calls again, enable it instead of removing the route"]),
        DiagnosticExplanation(
            .routeThroughOutgoingDenied, .warning,
            summary: """
                An outbound rule routes through a provider whose `calls.outgoing` is `false`. That \
                route is always skipped, so the rule's calls go through its other routes or fall \
                through to later rules; usually the provider was switched to incoming-only and its \
                rules were forgotten. When no route of the rule is left, it is the error `SB2065`.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: hotline
                    server: sip.hotline.example
                    login: "88005550100"
                    password: { env: HOTLINE_PASSWORD }
                    calls: { outgoing: false }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [hotline, acme]
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: hotline
                    server: sip.hotline.example
                    login: "88005550100"
                    password: { env: HOTLINE_PASSWORD }
                    calls: { outgoing: false }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [acme]
                """),
        DiagnosticExplanation(
            .inboundThroughRefusingProvider, .warning,
            summary: """
                An inbound rule is written for a provider that is disabled or whose `calls.incoming` \
                is `false`. No call arrives through that provider, so the rule never matches: the \
                calls it was meant for are not routed as intended. Either the provider should receive \
                calls, or the rule is left over.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    calls: { incoming: false }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                inbound:
                  - name: sales
                    provider: acme
                    starts_with: ["+74951234567"]
                    to: { extensions: ["100"] }
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
                inbound:
                  - name: sales
                    provider: acme
                    starts_with: ["+74951234567"]
                    to: { extensions: ["100"] }
                """),
        DiagnosticExplanation(
            .ruleWithoutUsableRoute,
            summary: """
                Every route of an outbound rule goes through a provider that is disabled or refuses \
                outgoing calls, so the rule can never place a call: its numbers fall through to later \
                rules, or fail. For an emergency or a mobile-number rule that is a real outage, so it \
                is an error. Each unusable route is also reported on its own (`SB2062`, `SB2063`).
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: backup
                    enabled: false
                    server: sip.backup.example
                    login: "2125550100"
                    password: { env: BACKUP_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [backup]
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: backup
                    enabled: false
                    server: sip.backup.example
                    login: "2125550100"
                    password: { env: BACKUP_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [acme]
                """,
            notes: ["the bad example also gets the warning `SB2062` for its one route, through the disabled `backup`"]),
        DiagnosticExplanation(
            .shadowedRule, .warning,
            summary: """
                A rule that can never be used because an earlier rule takes all its calls. Inbound: \
                the first matching rule wins, so a later rule for the same provider and numbers is \
                dead. Outbound: a rule is dead when an earlier one matches all its numbers and already \
                tries every provider it names (a busy provider falls through to later rules, so only \
                then is nothing left). Usually the specific rule was meant to come first.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: russia
                    starts_with: ["+7"]
                    routes: [acme]
                  - name: moscow
                    starts_with: ["+7495"]
                    routes: [{ provider: acme, strip: 2, prepend: "8" }]
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
                outbound:
                  - name: moscow
                    starts_with: ["+7495"]
                    routes: [{ provider: acme, strip: 2, prepend: "8" }]
                  - name: russia
                    starts_with: ["+7"]
                    routes: [acme]
                """),
        DiagnosticExplanation(
            .catchAllBeforeSpecific, .warning,
            summary: """
                An outbound rule that matches every number comes before rules with prefixes. The \
                later rules are used only when every route of the catch-all is busy, so, for example, \
                mobile numbers go out through the general provider instead of the cheaper mobile one. \
                Generated default rules always come last for this reason; move the catch-all after \
                the specific rules.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: cellco
                    server: sip.cellco.example
                    login: "79161234567"
                    password: { env: CELLCO_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: everything
                    routes: [acme]
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [cellco]
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: cellco
                    server: sip.cellco.example
                    login: "79161234567"
                    password: { env: CELLCO_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: mobile
                    starts_with: ["+79"]
                    routes: [cellco]
                  - name: everything
                    routes: [acme]
                """,
            notes: ["reported once per manifest set, at the first catch-all that comes too early"]),
        DiagnosticExplanation(
            .stripBeyondPrefix, .warning,
            summary: """
                A route's `strip` removes more leading characters than the rule's shortest prefix \
                has, or the rule has no prefix at all. `strip` exists to remove the prefix the rule \
                matched (such as a trunk code) before the number goes to the provider; cutting beyond \
                it removes digits the rule never looked at, so the provider gets a wrong number and the \
                call reaches someone else or fails.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: domestic
                    starts_with: ["8"]
                    routes:
                      - { provider: acme, strip: 2, prepend: "+7" }
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
                outbound:
                  - name: domestic
                    starts_with: ["8"]
                    routes:
                      - { provider: acme, strip: 1, prepend: "+7" }
                """),
        DiagnosticExplanation(
            .prefixCapturesExtension, .warning,
            summary: """
                An outbound rule's prefix (within its length bounds) matches the number of an \
                internal extension. Dialling that number rings the extension, so the rule never sends \
                it out; more often the prefix is too short, and the rule was meant only for longer \
                external numbers. Add a `length` bound or use a longer prefix, so both the extension \
                and the external numbers work as intended.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                outbound:
                  - name: north-america
                    starts_with: ["1"]
                    routes: [acme]
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
                outbound:
                  - name: north-america
                    starts_with: ["1"]
                    length: { min: 11, max: 11 }
                    routes: [acme]
                """),
        DiagnosticExplanation(
            .missingDefaultDestination,
            summary: """
                A provider gets a generated inbound rule (every enabled provider that receives calls \
                gets `inbound-<name>`, as the PBX does when a provider is added), but no \
                `defaults.inbound_destination` says which extensions its calls ring. Its incoming calls \
                would reach no phone. Set the default destination once for all providers, or write \
                `rules: { inbound: none }` on a provider whose calls only explicit inbound rules take.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
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
