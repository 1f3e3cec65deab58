import Foundation

/// Real storage faults for tests, made with the system's own tools: a tiny tmpfs that fills
/// up (`mount`, root only) and files the kernel refuses to change (`chattr +i`, root only, on
/// file systems that support it). Each is probed once; tests that need one are skipped when the
/// machine cannot make it (e.g. a container without CAP_SYS_ADMIN).
enum FileSystemFaults {
    /// Whether a tmpfs can be mounted here.
    static let canMountTmpfs: Bool = {
        guard let directory = try? EpochTests.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", directory.path]) else { return false }
        return run("/bin/umount", [directory.path])
    }()

    /// Whether files in the temporary folder can be made immutable.
    static let canMakeImmutable: Bool = {
        guard let directory = try? EpochTests.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        let probe = directory.appendingPathComponent("probe")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data("x".utf8)),
            run(chattr, ["+i", probe.path])
        else { return false }
        let refused = (try? Data("y".utf8).write(to: probe)) == nil
        return run(chattr, ["-i", probe.path]) && refused
    }()

    /// Mounts a tmpfs of `kibibytes` at a new folder and returns the folder.
    static func mountTmpfs(kibibytes: Int) throws -> URL {
        let directory = try EpochTests.temporaryDirectory()
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k,mode=0700", "tmpfs", directory.path]) else {
            throw FaultSetupError(description: "cannot mount a tmpfs at \(directory.path)")
        }
        return directory
    }

    /// Unmounts a tmpfs made by ``mountTmpfs(kibibytes:)`` and removes its folder.
    static func unmount(_ directory: URL) {
        _ = run("/bin/umount", ["-l", directory.path])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Fills the file system of `directory` with a file until it is full; returns the file.
    static func fill(_ directory: URL) throws -> URL {
        let filler = directory.appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        defer { try? handle.close() }
        let block = Data(repeating: 0x55, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.synchronize()
        return filler
    }

    /// Makes `paths` immutable (writes through open descriptors fail too) or changeable again.
    static func setImmutable(_ immutable: Bool, _ paths: [String]) throws {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard run(chattr, [immutable ? "+i" : "-i", path]) else {
                throw FaultSetupError(description: "chattr failed on \(path)")
            }
        }
    }

    private static var chattr: String {
        ["/usr/bin/chattr", "/bin/chattr"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/chattr"
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A fault that could not be set up although the probe said it could.
    struct FaultSetupError: Error, CustomStringConvertible {
        /// What failed.
        var description: String
    }
}
