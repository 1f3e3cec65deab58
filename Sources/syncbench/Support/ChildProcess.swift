import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn`, whose own peak memory is known from `VmHWM` in
/// /proc, read while it runs.
///
/// Not from `wait4`'s `ru_maxrss`: Linux records in it the resident size of the address space
/// the child replaced at `exec`, which after `posix_spawn` is the parent's, so a child of a
/// 500 MiB syncbench reported 500 MiB whatever it used itself.
final class ChildProcess: @unchecked Sendable {
    /// How a process ended.
    struct Ending: Sendable {
        /// The exit status (128 + signal when killed by a signal).
        var status: Int32
        /// Its peak resident memory in KiB.
        var peakKiB: Int
    }

    /// The process id.
    let pid: pid_t
    /// Where its standard output goes.
    let outputPath: String
    /// Where its standard error goes.
    let errorPath: String

    /// Starts `executable` with `arguments`; output goes to the two files.
    init(executable: String, arguments: [String], outputPath: String, errorPath: String) throws {
        self.outputPath = outputPath
        self.errorPath = errorPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else {
            throw BenchFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Runs `executable` to its end and returns its ending, output and wall time. Its output goes
    /// to `<label>.out` and `.err` in `directory` (the executable's name by default; runs at the
    /// same time need labels of their own).
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, label: String? = nil
    ) throws -> (ending: Ending, output: String, error: String, seconds: Double) {
        let name = label ?? URL(fileURLWithPath: executable).lastPathComponent
        let out = directory.appendingPathComponent("\(name).out").path
        let err = directory.appendingPathComponent("\(name).err").path
        let clock = ContinuousClock()
        let start = clock.now
        let child = try ChildProcess(executable: executable, arguments: arguments, outputPath: out, errorPath: err)
        let ending = child.wait()
        let seconds = (clock.now - start).seconds
        return (ending, child.output, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "", seconds)
    }

    /// What the process printed on standard output so far.
    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// The peak resident memory so far in KiB (`VmHWM`), while the process runs.
    func currentPeakKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// Sends SIGTERM.
    func terminate() { kill(pid, SIGTERM) }

    /// The exit status once the process has been reaped by ``hasEnded()``.
    private var reapedStatus: Int32?

    /// Whether the process has ended; it is reaped then, and ``wait()`` returns at once.
    func hasEnded() -> Bool {
        if reapedStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        reapedStatus = status
        return true
    }

    /// Waits for the end, reading `VmHWM` every 5 ms until then, and returns the exit status
    /// and the last peak read (growth in the last few milliseconds before the exit is missed).
    func wait() -> Ending {
        var status: Int32 = reapedStatus ?? 0
        var peak = 0
        while reapedStatus == nil {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 {
                if errno == EINTR { continue }
                break
            }
            peak = max(peak, currentPeakKiB() ?? 0)
            usleep(5_000)
        }
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return Ending(status: code, peakKiB: peak)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
