import Diagnostics

/// `SB2041`–`SB2044`: the numbers a dial plan is made of — caller IDs, extension numbers, number
/// prefixes and length bounds.
extension DiagnosticCatalog {
    static let dialPlanExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .invalidCallerID,
            summary: """
                A caller ID (of a provider or an outbound rule) that is not in E.164 form: `+`, the \
                country code (not starting with 0), and the number, 15 digits at most, without spaces \
                or dashes. Providers reject caller IDs in national or formatted form, or rewrite them, \
                so the called party sees a wrong number or "unknown" and cannot call back. The help \
                gives the fixed number when it can be told from what was written.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    caller_id: +7 495 123-45-67
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
                    caller_id: "+74951234567"
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["a national number such as `84951234567` cannot be fixed automatically: only you know its country code"]),
        DiagnosticExplanation(
            .invalidExtensionNumber,
            summary: """
                An extension number (of an extension, or in a destination's `extensions`) that is not \
                1 to 10 digits. Extensions are dialled from desk phones, which send digits only, and \
                register with the number as their user name; an external number such as \
                `+74951234568` belongs in an outbound rule, not among the extensions.
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
                  - { number: "+74951234568", password: { env: EXT_FAX_PASSWORD } }
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
                  - { number: "101", password: { env: EXT_FAX_PASSWORD } }
                """),
        DiagnosticExplanation(
            .invalidDialPattern,
            summary: """
                A number prefix (`starts_with`, `caller_starts_with`) or a `prepend` that is not \
                digits, `*` and `#` with an optional leading `+`, or a prefix longer than 20 \
                characters. Prefixes are compared with the number as dialled, character by \
                character, and no phone dials a space or a dash, so `8 495` would never match and the \
                calls would take another rule or no rule at all.
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
                  - name: moscow
                    starts_with: ["8 495"]
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
                  - name: moscow
                    starts_with: ["8495"]
                    routes: [acme]
                """),
        DiagnosticExplanation(
            .invalidLengthBounds,
            summary: """
                An outbound rule's `length.min` is above its `length.max`, so no number can match the \
                rule: its calls all fall through to later rules, usually through a more expensive \
                provider, and nothing says why. Most often the two values are swapped.
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
                    length: { min: 12, max: 10 }
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
                  - name: mobile
                    starts_with: ["+79"]
                    length: { min: 10, max: 12 }
                    routes: [acme]
                """),
    ]
}
