import Diagnostics

/// `SB0xxx`: the run itself, before any YAML is read. No manifest can show these, so their
/// entries have no examples.
extension DiagnosticCatalog {
    static let inputExplanations: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            .unreadableInput,
            summary: """
                A path named on the command line does not exist, or a file or folder below it cannot \
                be read, or a folder holds a symbolic link that leads back into itself, or the input \
                is past a limit (a file over 64 MiB, more than 100,000 files or 256 MiB in all). Switchboard \
                reports it instead of skipping it silently: a CI gate that checks fewer files than it \
                was given would pass a provider nobody looked at, and the PBX would load it unchecked. \
                The other paths are still checked, and `check` and `compile` exit with status 2.
                """,
            bad: nil, fixed: nil,
            command: """
                $ switchboard check --format short missing.yaml
                missing.yaml:1:1: error[SB0001]: no such file or folder: missing.yaml
                """,
            notes: [
                "check the spelling of the path and the permissions of the file; "
                    + "hidden files and folders (starting with `.`) are never read, so they cannot cause it",
            ]),
        DiagnosticExplanation(
            .tooManyDiagnostics, .note,
            summary: """
                One file produced more than 50 diagnostics, so only the first 50 (in source order) \
                are shown and this note says how many more there were. A file of garbage, or one \
                early mistake repeated on every line, must not bury the rest of the output or a CI \
                log. The counts in the summary line and the exit status still include every \
                diagnostic, shown or not.
                """,
            bad: nil, fixed: nil,
            notes: [
                "the note is added when the diagnostics are reported, not by the checker, so it has no "
                    + "manifest example; any file with 51 problems shows it",
                "fix the first problems and run again: later ones are often caused by the first "
                    + "(a wrong indentation, a misplaced section)",
            ]),
    ]
}
