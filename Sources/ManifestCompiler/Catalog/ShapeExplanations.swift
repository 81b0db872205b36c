import Diagnostics

/// `SB2001`–`SB2014`: the shape of the document, scalar typing, names and lengths.
extension DiagnosticCatalog {
    static let shapeExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .unknownKey,
            summary: """
                A key that the mapping does not accept, usually a typo (`registration-ip`) or a name \
                from another PBX (`username`, `channels`, `external_ip`). Most configuration tools \
                ignore unknown keys, so the setting silently keeps its default: the provider would be \
                told a wrong address, or get unlimited lines. Switchboard refuses it, lists the keys \
                the mapping accepts and suggests the one you probably meant.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    registration-ip: 203.0.113.10
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
            .wrongNodeKind,
            summary: """
                A value of the wrong kind: a mapping where a list belongs, a list where a single value \
                belongs, a scalar where a mapping belongs. The most common case is a section written \
                without its `- `, so the entries are not a list. Nothing of the value is used, so the \
                providers or rules it holds would be missing from the PBX; the message names the kind \
                expected and the kind found.
                """,
            bad: """
                providers:
                  name: acme
                  server: sip.acme.example
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
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .missingValue,
            summary: """
                A key written without a value (`lines:`, `lines: ~`, `lines: null`), an empty text, \
                or an empty list. Other tools read these as "null" and fall back to some default, \
                which for `lines` would mean unlimited calls through the provider. Switchboard asks \
                you to decide: give the key a value, or remove it to get its documented default.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    lines:
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
                    lines: 4
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .missingField,
            summary: """
                A required key is missing: a provider without `name` or `server`, an extension \
                without `number` or `password`, a rule without `name`, `to` or `routes`. Without \
                it the object cannot work (calls through a provider without a server have nowhere to \
                go), so it is an error rather than a guess. The diagnostic points at the object and \
                says which key to add.
                """,
            bad: """
                providers:
                  - name: acme
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
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["a `standard` provider without `login` or `password` is `SB2030`"]),
        DiagnosticExplanation(
            .invalidBoolean,
            summary: """
                A switch that is not exactly `true` or `false`. YAML 1.1 tools read `yes`, `no`, \
                `on`, `off`, `y` and `n` as booleans and YAML 1.2 tools read them as text, so \
                `enabled: no` would switch a provider off in one tool and leave it on in another. \
                Switchboard never guesses; the help names the word to write.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    enabled: yes
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
                    enabled: true
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .invalidInteger,
            summary: """
                A number that is not written as plain decimal digits. YAML 1.1 tools read `010` as \
                8 (octal) and `1:00:00` as 3600 (base 60), and `4.5`, `1e3` or `1_000` mean \
                different things to different tools, so a line count or a registration interval \
                could silently change. Switchboard accepts only decimal digits without a sign or a \
                leading zero, and says what to write instead.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    registration:
                      expires: 1:00:00
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
                    registration:
                      expires: 3600
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .invalidEnumValue,
            summary: """
                A value that is not one of the words the field allows: `type` is `standard` or \
                `trunk`, `transport` is `udp`, `tcp` or `tls`, `rules.inbound` is `auto` or `none`. \
                The words are matched exactly (lowercase), because a PBX that guessed `TCP` or \
                `standrad` might connect or authenticate differently from what was meant. The message \
                lists the allowed words and suggests the closest.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    transport: TCP
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
            .valueOutOfRange,
            summary: """
                A number outside the range its field allows: `lines` is 1 to 65535 (leave it out, or \
                write `unlimited`, for no limit), `registration.expires` 60 to 86400 seconds, a port 1 \
                to 65535, `length` 1 to 32 digits. `lines: 0` would block every call through the \
                provider, and an expiry of a few seconds makes providers answer `423 Interval Too \
                Brief` and never register.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    lines: 0
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
                    lines: 4
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .unsupportedVersion,
            summary: """
                The manifest's `version` is not one this Switchboard reads (it reads version 1). A \
                file written for another version may use fields whose meaning differs, so guessing \
                could configure the PBX wrongly. Write `version: 1`, leave `version` out, or upgrade \
                Switchboard if the file was written for a newer one.
                """,
            bad: """
                version: 2
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
            fixed: """
                version: 1
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
            .invalidName,
            summary: """
                A provider or rule name that is not a lowercase slug (`a`-`z`, `0`-`9` and single \
                `-`, starting with a letter, at most 63 characters). Names are identities: they \
                become the names of generated rules, keys in the bundle, words in logs and in the \
                status view, where `Acme` and `acme ` must not be two different providers. The help \
                gives the slug to use; a display name belongs in `title`.
                """,
            bad: """
                providers:
                  - name: Acme Telecom
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: acme-telecom
                    title: Acme Telecom
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["extension numbers are not slugs; an invalid one is `SB2042`"]),
        DiagnosticExplanation(
            .duplicateName,
            summary: """
                Two providers, extensions or rules of the same kind have the same name, in one file \
                or across files (sections merge across all files of a manifest set). Rules refer to \
                providers and extensions by name, so a repeated name would make them mean one object \
                or the other depending on file order. Both places are shown: the repeat as the error, \
                the first definition as a related place.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - name: acme
                    server: sip.citylink.example
                    login: "2125550100"
                    password: { env: CITYLINK_PASSWORD }
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
                  - name: citylink
                    server: sip.citylink.example
                    login: "2125550100"
                    password: { env: CITYLINK_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .conflictingKeys,
            summary: """
                Two keys that exclude each other are both written: `server` and `servers` on a \
                provider, or `env` and `file` in one secret reference. Either one could be meant, and \
                a PBX that picked one silently would register at the wrong server or read the wrong \
                secret. Keep one: list every server under `servers:` in failover order, or name one \
                place for the secret.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    servers: [sip2.acme.example, sip3.acme.example]
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
                    servers: [sip.acme.example, sip2.acme.example, sip3.acme.example]
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .duplicateSetting,
            summary: """
                A setting that may be made once for the whole manifest set is made again: \
                `defaults.inbound_destination` in two documents or two files. Which one applied \
                would depend on the order the files are read in, so calls could ring a different \
                extension after a file is renamed. Keep one of them.
                """,
            bad: """
                defaults:
                  inbound_destination: { extensions: ["100"] }
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                  - { number: "101", password: { env: EXT_101_PASSWORD } }
                ---
                defaults:
                  inbound_destination: { extensions: ["101"] }
                """,
            fixed: """
                defaults:
                  inbound_destination: { extensions: ["100", "101"] }
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                  - { number: "101", password: { env: EXT_101_PASSWORD } }
                """,
            notes: [
                "the example uses two documents of one file (`---`); two files each with `defaults:` "
                    + "are reported the same way",
                "within one mapping a repeated key is `SB1003`",
            ]),
        DiagnosticExplanation(
            .valueTooLong,
            summary: """
                A value longer than its field may be, counted in UTF-8 bytes: 256 for `title`, \
                `login` and a plaintext `password`, 128 for `display_name`, 255 for `env`, 4096 for \
                `file`, and 1024 for every other value. No real value comes near these limits; a \
                longer one is a paste gone wrong or a file written to hurt, and its text would \
                otherwise reach the bundle, SIP headers, logs and every message that quotes it. The \
                value is not quoted in the message, only its length.
                """,
            bad: """
                providers:
                  - name: acme
                    title: "Acme Telecom: our main trunk for the Moscow office, ordered in 2021 under contract 4711-B, renewed every year in March; support line +7 495 123-45-67, account manager Irina (irina@acme.example), escalation via the NOC portal at https://noc.acme.example/tickets, before any change call them."
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                # Acme: main trunk of the Moscow office, contract 4711-B (renewed in March);
                # support +7 495 123-45-67, escalation via https://noc.acme.example/tickets.
                providers:
                  - name: acme
                    title: Acme Telecom (Moscow office)
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["notes about a provider belong in YAML comments, which have no length limit"]),
    ]
}
