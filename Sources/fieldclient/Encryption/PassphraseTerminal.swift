import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a passphrase is typed: a terminal without echo, or nothing (scripts, pipes).
protocol PassphraseTerminal: Sendable {
    /// Whether someone can type at a terminal.
    var isInteractive: Bool { get }
    /// Shows `prompt` and reads one line without echo; nil at the end of input.
    func readSecret(prompt: String) -> String?
}

/// Standard input when it is a terminal: the prompt goes to standard error, echo is off while typing.
struct StandardInputTerminal: PassphraseTerminal {
    /// Creates the terminal access.
    init() {}

    /// Whether standard input is a terminal.
    var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Reads a line with echo switched off, and restores the terminal.
    func readSecret(prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        defer { if hasTerminal { _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
        return readLine(strippingNewline: true)
    }
}

/// No terminal: nothing can be asked.
struct NoTerminal: PassphraseTerminal {
    /// Creates the fallback.
    init() {}
    /// Never interactive.
    var isInteractive: Bool { false }
    /// Nothing to read.
    func readSecret(prompt: String) -> String? { nil }
}
