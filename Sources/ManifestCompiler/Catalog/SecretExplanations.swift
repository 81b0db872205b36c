import Diagnostics

/// `SB2050`, `SB2051`: how passwords are written.
extension DiagnosticCatalog {
    static let secretExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .plaintextSecret, .warning,
            summary: """
                A password written in the manifest itself. Manifests live in git, so the secret \
                lands in the history, in every clone and fork, and in CI logs, and cannot be taken \
                back by a later commit; anyone who reads it can register as your PBX and place calls \
                at your expense. Refer to it instead: `{ env: NAME }` (an environment variable of the \
                registrar) or `{ file: path }` (a file, such as a container secret). The compiler \
                never resolves the reference; the registrar reads the secret when it loads the bundle.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: hunter2
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
                """,
            notes: ["if the password was ever committed, change it at the provider: removing it from the file does not remove it from git history"]),
        DiagnosticExplanation(
            .invalidSecretReference,
            summary: """
                A secret reference that cannot work: an `env` name that is not an environment \
                variable name (letters, digits and `_`, not starting with a digit), a `file` path \
                with a NUL character, or a mapping with neither `env` nor `file`. Shells and service \
                managers cannot set a variable named `ACME-PASSWORD`, so the registrar would start \
                without the secret and the provider would refuse the registration.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME-PASSWORD }
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
                """,
            notes: ["both `env` and `file` in one reference is `SB2012`"]),
    ]
}
