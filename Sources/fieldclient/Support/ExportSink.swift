import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where an export goes: standard output, or a new owner-only file that appears under its
/// name only when complete (written as `FILE.partial`, then renamed).
final class ExportSink {
    private let handle: FileHandle
    private let target: String?
    private let partial: String?

    /// Opens standard output, or creates `path`'s partial file with mode 0600.
    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            target = nil
            partial = nil
            return
        }
        let partial = path + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw FieldClientError(.usage, Texts.current("export.cannotCreate", ["path": path, "detail": String(cString: strerror(errno))]))
        }
        fchmod(fd, 0o600)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        target = path
        self.partial = partial
    }

    /// Writes bytes.
    func write(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw FieldClientError(.storeFailure, Texts.current("export.cannotWrite", ["detail": error.localizedDescription]))
        }
    }

    /// Flushes the file to disk and gives it its name.
    func finish() throws {
        guard let target, let partial else { return }
        try handle.synchronize()
        try handle.close()
        guard rename(partial, target) == 0 else {
            throw FieldClientError(.usage, Texts.current("export.cannotRename", ["path": target, "detail": String(cString: strerror(errno))]))
        }
    }

    /// Removes a partial file after a failure.
    func abandon() {
        guard let partial else { return }
        try? handle.close()
        unlink(partial)
    }
}
