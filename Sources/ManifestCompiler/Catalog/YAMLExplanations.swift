import Diagnostics
import YAMLSource

/// `SB1xxx`: problems in the YAML itself, found before any manifest field is looked at.
extension DiagnosticCatalog {
    static let yamlExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .yamlSyntax,
            summary: """
                The file is not valid YAML: bad indentation, a tab used for indentation, a quote or \
                bracket that is never closed, a stray `:`. The diagnostic sits where libyaml gave up, \
                with libyaml's own words and, for the common mistakes, a line that says what to change. \
                libyaml cannot continue after a syntax error, so the rest of the file is not checked \
                (earlier documents of the file are); until it is fixed, none of the providers below \
                the error reach the PBX.
                """,
            bad: """
                providers:
                  - name: acme
                    title: Acme: the telecom
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
                    title: "Acme: the telecom"
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: [
                "the position is where libyaml noticed the problem, which can be lines after the "
                    + "mistake: a double-quoted value that is never closed runs on to the next `\"` in the file",
            ]),
        DiagnosticExplanation(
            .yamlEncoding,
            summary: """
                The file is not valid UTF-8 text, or holds a character YAML forbids: a control \
                character such as ESC or NUL, usually pasted from a terminal, a spreadsheet or a \
                password manager, or a file saved as UTF-16. The diagnostic names the line and column \
                of the bad byte. Such a file yields no documents at all, because what a parser makes \
                of the text before the bad byte differs between tools; a provider whose title or \
                password carries an invisible character would otherwise behave differently in every \
                program that reads it.
                """,
            bad: """
                providers:
                  - name: acme
                    title: "Acme \u{1B}[1mTelecom"
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
                    title: "Acme Telecom"
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: [
                "`explain` shows the control character of the example as `␛`; the example itself holds "
                    + "the real character U+001B (ESC), a terminal colour code pasted with the title",
                "inside a double-quoted scalar a control character can be written as an escape, e.g. `\"\\x1B\"`",
            ]),
        DiagnosticExplanation(
            .yamlDuplicateKey,
            summary: """
                One mapping names the same key twice. Most YAML tools silently keep the last value, \
                some the first, so the same file would configure a different server or password \
                depending on the tool. Switchboard keeps the first, reports the second with a pointer \
                to the first, and checks the rest of the file. The usual cause is a copy-paste, or an \
                attempt to list two servers by writing `server:` twice.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    server: sip2.acme.example
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
                    servers: [sip.acme.example, sip2.acme.example]
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["names that must be unique across objects (two providers `acme`) are `SB2011`"]),
        DiagnosticExplanation(
            .yamlNonScalarKey,
            summary: """
                A mapping key is itself a list or a mapping (`[incoming, outgoing]: true`, or a `? ` \
                complex key). YAML allows it, but no manifest field has such a key, and most tools turn \
                it into some string of their own making. The entry is ignored, so whatever it was meant \
                to set keeps its default; write one key per setting.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    calls:
                      [incoming, outgoing]: true
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
                    calls:
                      incoming: true
                      outgoing: true
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .yamlAliasBudget,
            summary: """
                Aliases in one file would add more than 1,000,000 nodes. Each `*alias` copies the \
                node its anchor names, so a few lines can ask for billions of nodes (the "billion \
                laughs" attack) and exhaust the memory of the CI runner or of the PBX that loads the \
                file. Switchboard counts the nodes each alias adds and refuses the first alias past \
                the budget after reading only a few hundred bytes; that alias and all later ones in the \
                file are not expanded. Real manifests reuse a destination or a secret reference a few \
                times and stay far below the limit.
                """,
            bad: """
                # "Billion laughs": every level repeats the one above it ten times.
                - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
                - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                - &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                - &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                """,
            fixed: """
                # Aliases are fine in moderation: one destination reused by an explicit rule.
                defaults:
                  inbound_destination: &reception { extensions: ["100"] }
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                inbound:
                  - name: sales
                    provider: acme
                    starts_with: ["+74951234567"]
                    to: *reception
                """,
            notes: [
                "the bad example also gets `SB2002`: an expansion bomb is nested lists, which no manifest "
                    + "field accepts; the budget is enforced while reading, before the manifest is decoded",
            ]),
        DiagnosticExplanation(
            .yamlMergeKey,
            summary: """
                A `<<` merge key. It was a YAML 1.1 extension that YAML 1.2 dropped, and tools \
                disagree on how merged and written keys combine, so a provider built from a merge \
                could have different settings in Switchboard, in an editor and in a script. The entry \
                is ignored (and usually the mapping then lacks what the merge was meant to bring). \
                Repeat the keys, or anchor a whole mapping, such as a password reference, and reuse it \
                with an alias.
                """,
            bad: """
                providers:
                  - &acme
                    name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                  - <<: *acme
                    name: acme-backup
                    server: sip2.acme.example
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
                    password: &acme-password { env: ACME_PASSWORD }
                  - name: acme-backup
                    server: sip2.acme.example
                    login: "74951234567"
                    password: *acme-password
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: [
                "the bad example also gets `SB2030`: with the merge ignored, `acme-backup` has no `login` "
                    + "or `password`",
            ]),
        DiagnosticExplanation(
            .yamlTag,
            summary: """
                An explicit tag such as `!!int`, `!!binary` or `!custom`. Manifest values are typed by \
                the field they fill, from their exact text, so a tag could only ask for a typing the \
                field already decides, or for one that other tools apply differently (`!!int 010` is 8 \
                to some of them). Only the no-op tags `!!str`, `!!map`, `!!seq` and `!` are accepted. \
                Remove the tag.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: !!str "74951234567"
                    password: { env: ACME_PASSWORD }
                    lines: !!int 4
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            fixed: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: !!str "74951234567"
                    password: { env: ACME_PASSWORD }
                    lines: 4
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """),
        DiagnosticExplanation(
            .yamlUnknownAlias,
            summary: """
                An alias `*name` refers to an anchor `&name` that no earlier node of the same document \
                defines: a typo in the name, an alias written before its anchor, or an anchor in \
                another document (anchors do not carry across `---`, nor across files). The alias \
                stands in as "no value", so the field it was meant to fill is reported too.
                """,
            bad: """
                defaults:
                  inbound_destination: &reception { extensions: ["100"] }
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                ---
                inbound:
                  - name: sales
                    provider: acme
                    starts_with: ["+74951234567"]
                    to: *reception
                """,
            fixed: """
                defaults:
                  inbound_destination: &reception { extensions: ["100"] }
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                inbound:
                  - name: sales
                    provider: acme
                    starts_with: ["+74951234567"]
                    to: *reception
                """,
            notes: ["the bad example also gets `SB2003`: the refused alias leaves `to` without a value"]),
        DiagnosticExplanation(
            .yamlTooDeep,
            summary: """
                Lists and mappings nest more than 256 levels deep. A manifest needs five or six; such \
                depth comes only from generated or hostile input, and every later stage (and many other \
                YAML tools) would recurse once per level. The content below the limit is skipped \
                without recursion, so no input can overflow the stack of the checker or the PBX, and \
                the error is reported once per file.
                """,
            bad: """
                providers:
                  - name: acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                    title: \(deepList)
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
                    title: Acme Telecom
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: ["the bad example also gets `SB2002`: `title` must be text, not a list"]),
        DiagnosticExplanation(
            .yamlRecursiveAlias,
            summary: """
                An alias sits inside the very node its anchor names, as in `&list [a, *list]`, so \
                the node would contain itself: an infinite tree that some tools loop on forever and \
                others crash on. An alias can only reuse a finished node. The alias stands in as "no \
                value", so the field it was meant to fill is reported too.
                """,
            bad: """
                providers:
                  - &acme
                    name: acme
                    title: *acme
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
                  - name: &acme acme
                    title: *acme
                    server: sip.acme.example
                    login: "74951234567"
                    password: { env: ACME_PASSWORD }
                defaults:
                  inbound_destination: { extensions: ["100"] }
                extensions:
                  - { number: "100", password: { env: EXT_100_PASSWORD } }
                """,
            notes: [
                "the bad example also gets `SB2003`: the refused alias leaves `title` without a value",
                "here the anchor was meant for the name, but sits on the whole provider, which contains the alias",
            ]),
    ]

    /// A list nested 300 levels deep, over several lines so it stays readable.
    private static let deepList: String = {
        let depth = 300, perLine = 60
        let open = String(repeating: "[", count: depth), close = String(repeating: "]", count: depth)
        let text = open + "Acme" + close
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(perLine)))
            rest = rest.dropFirst(perLine)
        }
        return lines.joined(separator: "\n      ")
    }()
}
