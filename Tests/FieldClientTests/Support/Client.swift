import Foundation

/// One `fieldclient` with its own store file, run as the built executable.
///
/// Stores are encrypted: `join` and every command get the test passphrase in
/// `FIELDCLIENT_PASSPHRASE`, scrypt runs with the cheap test cost (`FIELDCLIENT_TEST_WEAK_KDF=1`,
/// recorded in the store), and the kernel keyring is off (`FIELDCLIENT_KEYRING=none`) unless a
/// test turns it on.
struct Client {
    /// The passphrase of every test store.
    static let passphrase = "Testpassphrase im Quartier"

    /// The store path.
    let store: String

    /// The environment of every run (on top of the test process's).
    var environment: [String: String]

    /// Creates a client with a store in `directory`.
    init(_ name: String, in directory: URL) {
        store = directory.appendingPathComponent("\(name)/store.sqlite").path
        environment = [
            "FIELDCLIENT_STORE": store, "FIELDCLIENT_PASSPHRASE": Self.passphrase, "FIELDCLIENT_TEST_WEAK_KDF": "1",
            "FIELDCLIENT_KEYRING": "none",
        ]
    }

    /// Runs `fieldclient` with `arguments` on this store, with `environment` added (e.g. `LANG`).
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:]) throws -> ProcessResult {
        try Command.run(try Binaries.path("fieldclient"), arguments, input: input, environment: environment.merging(extra) { $1 })
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
