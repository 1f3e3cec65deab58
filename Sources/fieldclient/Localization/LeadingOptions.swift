import SyncModel

/// The shared options a person may write before the command (`fieldclient --store PATH join …`):
/// moved after the command name, where ArgumentParser reads them.
enum LeadingOptions {
    /// Options that take a value.
    static let valued: Set<String> = ["--store", "--lang", "--passphrase-file"]
    /// Flags.
    static let flags: Set<String> = ["--json", "--allow-insecure"]

    /// `arguments` with the shared options in front of the command moved behind the command name.
    static func reorder(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if flags.contains(argument) {
                moved.append(argument)
                index += 1
            } else if valued.contains(argument), index + 1 < arguments.count {
                moved += [argument, arguments[index + 1]]
                index += 2
            } else if valued.contains(name), argument.contains("=") {
                moved.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        let rest = Array(arguments[index...])
        guard let command = rest.first, !command.hasPrefix("-") else {
            // No command follows (e.g. `fieldclient --lang de --help`): the options only choose the language.
            return rest
        }
        return [command] + moved + rest.dropFirst()
    }

    /// The value of `--lang` anywhere in `arguments`, if given.
    static func language(in arguments: [String]) -> String? {
        var found: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { found = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { found = String(argument.dropFirst("--lang=".count)) }
        }
        return found
    }
}
