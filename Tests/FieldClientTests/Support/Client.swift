import Foundation

/// One `fieldclient` with its own store file, run as the built executable.
struct Client {
    /// The store path.
    let store: String

    /// Creates a client with a store in `directory`.
    init(_ name: String, in directory: URL) {
        store = directory.appendingPathComponent("\(name)/store.sqlite").path
    }

    /// Runs `fieldclient` with `arguments` on this store, with `environment` added (e.g. `LANG`).
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try Command.run(
            try Binaries.path("fieldclient"), arguments, input: input,
            environment: environment.merging(["FIELDCLIENT_STORE": store]) { $1 })
    }

    /// Runs and requires exit status 0.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try run(arguments, input: input)
        guard result.status == 0 else {
            throw TestFailure("fieldclient \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs with `--json` and decodes the output.
    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments + ["--json"]).utf8))
    }

    /// `show ID --json` as an object.
    func show(_ id: String) throws -> [String: Any] {
        try json(["show", id]) as! [String: Any]
    }

    /// The raw `show --json` text, for comparing replicas.
    func showText(_ id: String) throws -> String {
        try ok(["show", id, "--json"])
    }
}
