import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Optional sampling profiles for BENCHMARKS.md: with SYNCBENCH_PERF_DIR set, the server is
/// sampled by `perf record -e cpu-clock -g` during rows 1 and 2 and the client during row 3, into
/// that folder (read them with `perf report -i FILE`). Peak memory figures of such a run are
/// perf's, not the program's.
struct Profiler {
    /// The folder for perf data, when profiling.
    static var directory: String? {
        guard let value = ProcessInfo.processInfo.environment["SYNCBENCH_PERF_DIR"], !value.isEmpty else { return nil }
        return value
    }

    /// The perf executable.
    static let perf = "/usr/bin/perf"

    /// The perf arguments that sample into `name`.data.
    static func recordArguments(_ name: String, in directory: String) -> [String] {
        ["record", "--no-buildid", "--no-buildid-cache", "-e", "cpu-clock", "-F", "999", "-g", "-o", "\(directory)/\(name).data"]
    }

    /// The running sampler.
    private let process: ChildProcess

    /// Attaches perf to `pid` when profiling; nil otherwise.
    static func attach(to pid: pid_t?, name: String, log: URL) throws -> Profiler? {
        guard let directory, let pid else { return nil }
        let process = try ChildProcess(
            executable: perf, arguments: recordArguments(name, in: directory) + ["-p", String(pid)],
            outputPath: log.appendingPathComponent("perf-\(name).out").path,
            errorPath: log.appendingPathComponent("perf-\(name).err").path)
        usleep(300_000)
        return Profiler(process: process)
    }

    /// Stops sampling and waits until perf wrote its data.
    func stop() {
        kill(process.pid, SIGINT)
        _ = process.wait()
    }
}
