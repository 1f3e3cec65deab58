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

    /// Reads a line with echo switched off, and restores the terminal, also when Ctrl-C, a hang-up
    /// or a kill ends the program at the prompt.
    func readSecret(prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        var previous: [(Int32, (@convention(c) (Int32) -> Void)?)] = []
        if hasTerminal {
            echoingTerminal = saved
            for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { previous.append((number, signal(number, restoreEchoAndStop))) }
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        defer {
            if hasTerminal {
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                for (number, handler) in previous { signal(number, handler) }
            }
        }
        return readLine(strippingNewline: true)
    }
}

/// The terminal settings with echo, for ``restoreEchoAndStop(_:)``; written before its handler is installed.
private nonisolated(unsafe) var echoingTerminal = termios()

/// A signal handler while echo is off: turns echo back on, ends the prompt's line, then lets the
/// signal stop the program as it would have (only async-signal-safe calls).
private func restoreEchoAndStop(_ number: Int32) {
    _ = tcsetattr(STDIN_FILENO, TCSANOW, &echoingTerminal)
    _ = write(STDERR_FILENO, "\n", 1)
    signal(number, SIG_DFL)
    raise(number)
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
