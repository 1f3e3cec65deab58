import ArgumentParser
import Foundation

/// The `--yes` flag of commands that destroy data, and the question they ask without it.
struct ConfirmationOptions: ParsableArguments {
    /// Whether the operator confirmed on the command line (for scripts).
    @Flag(name: .long, help: ArgumentHelp(AdminTexts.text("admin.option.yes")))
    var yes = false

    /// Returns when confirmed: by `--yes` (`confirmed`), or by answering `question` with yes/ja on
    /// standard input. Anything else, or no answer at all, throws a failure that says nothing changed.
    static func confirm(_ question: String, confirmed: Bool) throws {
        if confirmed { return }
        FileHandle.standardError.write(Data((question + " " + AdminTexts.text("admin.confirm.prompt") + " ").utf8))
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["j", "ja", "y", "yes"].contains(answer) else {
            throw CommandFailure(AdminTexts.text("admin.confirm.declined"))
        }
    }
}
